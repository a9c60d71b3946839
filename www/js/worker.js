// @ts-check
// The Web Worker the page reads payloads in: it loads the wasm core and answers
// the calls data/client.js posts ({id, method, args} → {id, value} or
// {id, error}), moving typed arrays (frames, packed events) instead of copying
// them. The calls are EngineApi (types.d.ts); engine/engine.js implements them.
import { start, handle, normError } from "./engine/engine.js";

/** @import { Method, Args } from "./types.js" */

self.onmessage = async (e) => {
  /** @type {{id: number, method: Method, args: Args<Method>}} */
  const { id, method, args } = e.data || {};
  try {
    if (method === "init") {
      const a = /** @type {Args<"init">} */ (args);
      const version = await start(a?.wasm, a?.warm !== false);
      self.postMessage({ id, value: version });
      return;
    }
    const r = await handle(method, /** @type {any} */ (args));
    self.postMessage({ id, value: r.value }, { transfer: r.transfer });
  } catch (err) {
    self.postMessage({ id, error: normError(err) });
  }
};
