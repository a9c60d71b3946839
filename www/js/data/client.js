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

/**
 * Above this much wasm memory, a worker that holds nothing (every payload closed)
 * is replaced by a fresh one. Wasm memory grows and never shrinks, so a 50 MB event
 * list would otherwise keep ~100–500 MB of the browser's memory until the page is
 * closed (Perfetto restarts its engine for the same reason). A fresh worker holds
 * about 1–2 MB; payloads the size of the samples never reach the limit, so ordinary
 * use never pays for a restart.
 */
export const RECYCLE_BYTES = 64 * 1024 * 1024;

/** A running worker: its calls, how many are unanswered, and how to stop it. @typedef {{call: Call, pending: () => number, terminate: () => void}} WorkerHandle */

/** A started engine: where it runs, the core's version and exports, and its calls. */
export class Engine {
  /** @param {"worker" | "main"} kind @param {Call} call @param {WorkerHandle | null} [worker] */
  constructor(kind, call, worker) {
    this.kind = kind;
    this.call = call;
    this.version = "";
    /** @type {string[]} */
    this.exports = [];
    /** @type {WorkerHandle | null} */
    this.worker = worker || null;
    /** How many times the worker was replaced by a fresh one (recycle()). */
    this.restarts = 0;
    /** Called after each restart. @type {((restarts: number) => void) | null} */
    this.onRestart = null;
    this.recycling = false;
  }

  /**
   * Give the worker's memory back: when it holds nothing (no payload, timeline view
   * or workspace open), nothing is unanswered and its wasm memory is over `limit`
   * bytes, start a fresh worker and stop the old one. Calls made meanwhile wait and
   * go to whichever worker remains. The main-thread engine cannot shrink: nothing
   * happens there. Resolves to true when the worker was replaced; never rejects.
   * (Re-reading what is still open into a fresh worker, for when it needs far less
   * than the worker holds, is not done: see BENCHMARKS.md, "What limits the targets".)
   * @param {number} [limit]
   * @returns {Promise<boolean>}
   */
  async recycle(limit = RECYCLE_BYTES) {
    const old = this.worker;
    if (!old || this.recycling || old.pending() > 0 || !wantRecycle()) return false;
    this.recycling = true;
    /** @type {() => void} */
    let release = () => {};
    const gate = new Promise((r) => { release = () => r(undefined); });
    /** @type {Call} */
    this.call = (method, args, transfer) => gate.then(() => this.call(method, args, transfer));
    let restarted = false;
    try {
      const m = await old.call("memory", {});
      if (m.held === 0 && m.wasmBytes > limit && old.pending() === 0) {
        const next = await startWorker();
        old.terminate();
        this.worker = next;
        this.restarts++;
        restarted = true;
      }
    } catch (_) {
      // keep the worker there is
    } finally {
      this.call = /** @type {WorkerHandle} */ (this.worker).call;
      this.recycling = false;
      release();
    }
    if (restarted && this.onRestart) this.onRestart(this.restarts);
    return restarted;
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

/** ?recycle=off keeps the worker whatever it holds (tests/page/measure.mjs compares both). */
function wantRecycle() {
  try { return new URLSearchParams(location.search).get("recycle") !== "off"; } catch (_) { return true; }
}

/** ?engine=main forces the main-thread engine (for comparison and tests). */
function wantWorker() {
  try { return new URLSearchParams(location.search).get("engine") !== "main"; } catch (_) { return true; }
}

/** Start a worker with the core loaded. @returns {Promise<WorkerHandle>} */
function startWorker() {
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
      resolve({ call, pending: () => pending.size, terminate: () => { w.terminate(); failAll({ code: "closed", message: "the reading worker was replaced", line: null, column: null, offset: null }); } });
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
    try { const w = await startWorker(); e = new Engine("worker", w.call, w); } catch (_) { e = null; }
  }
  if (!e) e = await mainEngine();
  const info = await e.call("info", {});
  e.version = info.version;
  e.exports = info.has;
  return e;
}
