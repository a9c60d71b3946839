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

/**
 * While payloads are open, the worker is replaced, and what is open read again
 * into the fresh one, when its wasm memory is over RECYCLE_BYTES + REREAD_FACTOR ×
 * the open payloads' bytes: a payload, once every part of it has been asked for
 * (model, views, the events table's slices), holds 1.6–6× its bytes (measured on
 * 2026-12-06: a 99 MiB event list 3.1×, a 1.5 MB AOS execution 6×, a 15 MB
 * workflow history 1.6×), so a worker over that holds mostly what closed payloads
 * left. Reading again costs time (about a second per 100 MB), so only memory
 * several times what is needed is worth it.
 */
export const REREAD_FACTOR = 8;

/** A running worker: its calls, how many are unanswered, and how to stop it. @typedef {{call: Call, pending: () => number, terminate: () => void}} WorkerHandle */

/** A started engine: where it runs, the core's version and exports, and its calls. */
export class Engine {
  /** @param {"worker" | "main"} kind @param {Call} call @param {WorkerHandle | null} [worker] */
  constructor(kind, call, worker) {
    this.kind = kind;
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
    /**
     * The frame-drawn timelines of open payloads, by the handle the page holds: the
     * call that made each and the filter last set on it, to make them again in a
     * fresh worker. `handles` maps the page's handle to the worker's (they differ
     * only after a worker was replaced with payloads open).
     * @type {Map<number, {args: Args<"timeline">, filter: Args<"viewFilter"> | null}>}
     */
    this.views = new Map();
    /** @type {Map<number, number>} */
    this.handles = new Map();
    /** The worker's calls, before this engine's bookkeeping (see call()). @type {Call} */
    this.send = call;
    this.call = /** @type {Call} */ ((method, args, transfer) => this.tracked(method, args, transfer));
  }

  /**
   * A call, with the page's view handles translated to the worker's and the
   * frame-drawn timelines of payloads remembered (to make them again if the
   * worker is replaced while they are open).
   * @template {Method} M
   * @param {M} method @param {Args<M>} args @param {Transferable[]} [transfer]
   * @returns {Promise<Reply<M>>}
   */
  async tracked(method, args, transfer) {
    const a = /** @type {any} */ (args);
    const sent = a && typeof a.view === "number" && this.handles.has(a.view) ? { ...a, view: this.handles.get(a.view) } : a;
    const reply = await this.send(method, sent, transfer);
    const r = /** @type {any} */ (reply);
    if (method === "timeline" && r && r.kind === "frames") this.views.set(r.view, { args: /** @type {Args<"timeline">} */ (a), filter: null });
    else if (method === "viewFilter" && this.views.has(a.view)) /** @type {any} */ (this.views.get(a.view)).filter = a;
    else if (method === "viewFree") { this.views.delete(a.view); this.handles.delete(a.view); }
    else if (method === "close") {
      for (const [h, v] of this.views) if (v.args.id === a.id) { this.views.delete(h); this.handles.delete(h); }
    }
    return reply;
  }

  /**
   * Give the worker's memory back. Wasm memory grows and never shrinks, so the
   * worker is replaced by a fresh one (Perfetto restarts its engine for the same
   * reason) when nothing is unanswered and either it holds nothing and its memory
   * is over `limit` bytes, or it holds payloads but no workspace and its memory is
   * over `limit` + REREAD_FACTOR × their bytes: those payloads are then read again
   * into the fresh worker, with their frame-drawn timelines and the filters set on
   * them, under the handles the page already holds; the summaries, events and
   * graphs the page has are kept. Calls made meanwhile wait and go to whichever
   * worker remains; if anything fails, the old worker stays. The main-thread
   * engine cannot shrink: nothing happens there. Resolves to true when the worker
   * was replaced; never rejects.
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
    this.send = (method, args, transfer) => gate.then(() => this.send(method, args, transfer));
    let restarted = false;
    try {
      const m = await old.call("memory", {});
      const empty = m.held === 0 && m.wasmBytes > limit;
      // Only views this engine can make again (the open payloads' frame-drawn timelines).
      const reread = m.held > 0 && m.spaces === 0 && m.views === this.views.size && m.wasmBytes > limit + REREAD_FACTOR * m.openBytes;
      if ((empty || reread) && old.pending() === 0) {
        const next = await startWorker();
        /** @type {Map<number, number>} */
        const handles = new Map();
        try {
          if (reread) {
            await next.call("handlesFrom", { n: m.nextHandle });
            // Copies from the old worker, moved (not copied again) to the fresh one.
            for (const d of await old.call("inputs", {})) await next.call("open", d, d.bytes ? [d.bytes.buffer] : []);
            for (const [h, v] of this.views) {
              const r = await next.call("timeline", v.args);
              if (r.kind !== "frames") throw new Error("a frame-drawn timeline came back as objects");
              handles.set(h, r.view);
              if (v.filter) await next.call("viewFilter", { ...v.filter, view: r.view });
            }
          }
        } catch (e) {
          next.terminate();
          throw e;
        }
        old.terminate();
        this.worker = next;
        this.handles = handles;
        this.restarts++;
        restarted = true;
      }
    } catch (_) {
      // keep the worker there is
    } finally {
      this.send = /** @type {WorkerHandle} */ (this.worker).call;
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

/** ?warmup=off starts workers without the warm-up (engine/warmup.js; for comparison). */
function wantWarmUp() {
  try { return new URLSearchParams(location.search).get("warmup") !== "off"; } catch (_) { return true; }
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
    call("init", { wasm, warm: wantWarmUp() }, wasm ? [wasm.buffer] : []).then(() => {
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
