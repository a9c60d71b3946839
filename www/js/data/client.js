// @ts-check
// The page's side of the engine: connect() starts it once — a Web Worker when
// one can start (served: the module js/worker.js; single file: the inlined
// worker bundle from a Blob URL), else the same engine on the main thread — and
// returns an Engine whose call(method, args) is typed by EngineApi (types.d.ts):
// the method names and their argument and result shapes live there, nowhere else.
import * as engine from "../engine/engine.js";
import { inlineData, inlineWasm } from "./inline.js";

/** @import { Method, Args, Reply, Result, PageError } from "../types.js" */

/** @typedef {<M extends Method>(method: M, args: Args<M>, transfer?: Transferable[]) => Promise<Reply<M>>} Call */

/** A started engine: where it runs, the core's version and exports, and its calls. */
export class Engine {
  /** @param {"worker" | "main"} kind @param {Call} call */
  constructor(kind, call) {
    this.kind = kind;
    this.call = call;
    this.version = "";
    /** @type {string[]} */
    this.exports = [];
  }

  /** True when the core build has this export (compare, exportJson, exportCsv, exportTrace, Workspace…). */
  has(/** @type {string} */ name) {
    return this.exports.includes(name);
  }

  /**
   * A call that never throws: {value} or {error}.
   * @template {Method} M
   * @param {M} method @param {Args<M>} args @param {Transferable[]} [transfer]
   * @returns {Promise<Result<Reply<M>>>}
   */
  async result(method, args, transfer) {
    try { return { value: await this.call(method, args, transfer) }; } catch (e) { return { error: engine.normError(e) }; }
  }
}

/** ?engine=main forces the main-thread engine (for comparison and tests). */
function wantWorker() {
  try { return new URLSearchParams(location.search).get("engine") !== "main"; } catch (_) { return true; }
}

/** @returns {Promise<Engine>} */
function workerEngine() {
  const data = inlineData();
  return new Promise((resolve, reject) => {
    /** @type {Worker} */
    let w;
    /** @type {string | null} */
    let url = null;
    try {
      if (data) {
        if (typeof data.worker !== "string") throw new Error("this build has no worker code");
        // A classic worker: no module worker starts from a Blob URL in a file:// page.
        url = URL.createObjectURL(new Blob([data.worker], { type: "text/javascript" }));
        w = new Worker(url, { name: "execscope" });
      } else {
        w = new Worker(new URL("../worker.js", import.meta.url), { type: "module", name: "execscope" });
      }
    } catch (e) {
      if (url) URL.revokeObjectURL(url);
      reject(e);
      return;
    }
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: unknown) => void}>} */
    const pending = new Map();
    let seq = 0;
    let started = false;
    /** @param {unknown} err */
    const failAll = (err) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    };
    w.onmessage = (e) => {
      const m = e.data || {};
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.error) p.reject(m.error);
      else p.resolve(m.value);
    };
    w.onerror = (e) => {
      if (e && e.preventDefault) e.preventDefault();
      /** @type {PageError} */
      const err = { code: "worker", message: "the reading worker stopped: " + ((e && e.message) || "error"), line: null, column: null, offset: null };
      failAll(err);
      if (!started) { clearTimeout(timer); w.terminate(); reject(err); }
    };
    /** @type {Call} */
    const call = (method, args, transfer) => new Promise((res, rej) => {
      const id = ++seq;
      pending.set(id, { resolve: res, reject: rej });
      try { w.postMessage({ id, method, args }, transfer || []); } catch (e) { pending.delete(id); rej(e); }
    });
    const timer = setTimeout(() => { w.terminate(); failAll(new Error("timeout")); reject(new Error("the reading worker did not start")); }, 30000);
    const wasm = inlineWasm();
    call("init", { wasm }, wasm ? [wasm.buffer] : []).then(() => {
      started = true;
      clearTimeout(timer);
      if (url) URL.revokeObjectURL(url);
      resolve(new Engine("worker", call));
    }, (e) => {
      clearTimeout(timer);
      w.terminate();
      reject(e);
    });
  });
}

/** The same engine on the main thread (no worker: big payloads then block while read). */
async function mainEngine() {
  await engine.start(inlineWasm());
  /** @type {Call} */
  const call = async (method, args) => {
    if (method === "init") return /** @type {any} */ (await engine.start(undefined));
    return (await engine.handle(/** @type {Exclude<typeof method, "init">} */ (method), /** @type {any} */ (args))).value;
  };
  return new Engine("main", call);
}

/** Start the engine (a worker if one can start, else the main thread) and read the core's version and exports. */
export async function connect() {
  /** @type {Engine | null} */
  let e = null;
  if (wantWorker() && typeof Worker === "function") {
    try { e = await workerEngine(); } catch (_) { e = null; }
  }
  if (!e) e = await mainEngine();
  const info = await e.call("info", {});
  e.version = info.version;
  e.exports = info.has;
  return e;
}
