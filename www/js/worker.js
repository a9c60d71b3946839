// The Web Worker the page reads payloads in: it loads the wasm core and answers
// the calls load.js posts ({id, method, args} → {id, value} or {id, error}),
// moving typed arrays (frames) instead of copying them.
import { start, handle, normError } from "./engine.js";

self.onmessage = async (e) => {
  const { id, method, args } = e.data || {};
  try {
    if (method === "init") {
      const version = await start(args && args.wasm);
      self.postMessage({ id, value: version });
      return;
    }
    const r = await handle(method, args);
    self.postMessage({ id, value: r.value }, r.transfer || []);
  } catch (err) {
    self.postMessage({ id, error: normError(err) });
  }
};
