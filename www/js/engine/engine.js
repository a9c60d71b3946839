// @ts-check
// The engine: everything that touches the wasm core or parses a payload. It runs
// inside js/worker.js (a Web Worker, so a 100 MB payload never blocks the page)
// or, when no worker can start, on the main thread behind the same calls. The
// page talks to it only through data/client.js: call(method, args) → reply, the
// calls typed by EngineApi (types.d.ts).
//
// It keeps what the page must not hold: the payload bytes, the core's
// TimelineView (large timelines stay in wasm; the page asks for frames) and the
// core's Workspaces (payloads of one run joined). The core splits every
// bilingual text and names the newest run and the join keys: nothing here
// re-derives them.
import init, * as core from "../../pkg/execscope.js";
import { buffers } from "./pack.js";
import { warmUp } from "./warmup.js";

/** @import { Method, Args, Reply, PageError, Timeline, TimelineReply, TimelineMode, Run, Summary, ExportKind } from "../types.js" */

/** @type {Promise<string> | null} */
let ready = null;
/** The core's linear memory (it grows and never shrinks: the page restarts the worker instead, data/client.js). @type {WebAssembly.Memory | null} */
let memory = null;

/**
 * Initialise the wasm once (wasm: bytes or a WebAssembly.Module, else the default URL),
 * then warm the reading code up (engine/warmup.js) when `warmUpToo`: after the reply
 * to init, so the page starts at once; a call that comes meanwhile (but info) waits.
 * The worker asks for it; the main-thread engine does not (it would hold the page).
 * @param {Uint8Array | WebAssembly.Module | undefined} wasm @param {boolean} [warmUpToo]
 */
export function start(wasm, warmUpToo = false) {
  if (!ready) {
    ready = (wasm ? init({ module_or_path: wasm }) : init()).then((out) => { memory = out.memory; return core.version(); });
    if (warmUpToo) {
      warm = ready.then(() => new Promise((resolve) => setTimeout(resolve, 0))).then(() => {
        const t = performance.now();
        try { warmUp(core); } catch (_) { /* a warm-up that fails costs speed, nothing else */ }
        warmMs = performance.now() - t;
      });
    }
  }
  return ready;
}

/** The warm-up, once started. @type {Promise<void> | null} */
let warm = null;
/** How long the warm-up took, ms (memory() reports it). */
let warmMs = 0;

// Above this many spans (or lanes) a timeline stays in wasm and is drawn from frames.
export const FRAME_THRESHOLD = 20000;

/**
 * @typedef {object} EngineDoc
 * @property {number} id
 * @property {string} name
 * @property {string | Uint8Array} input
 * @property {number} size
 * @property {core.Payload | null} payload
 * @property {Summary | null} summary
 * @property {Set<number>} views
 */

/** @type {Map<number, EngineDoc>} */
const docs = new Map();
/** @type {Map<number, {view: core.TimelineView, doc: EngineDoc | null}>} */
const views = new Map();
/** @type {Map<number, core.Workspace>} */
const spaces = new Map();
let nextHandle = 1;

/** A value and the ArrayBuffers to move (not copy) with it to the page. */
export class Moved {
  /** @param {unknown} value @param {Transferable[]} transfer */
  constructor(value, transfer) { this.value = value; this.transfer = transfer; }
}

/**
 * Any thrown value as a PageError (the core's errors carry code, line, column, offset).
 * @param {unknown} e
 * @returns {PageError}
 */
export function normError(e) {
  if (e && typeof e === "object") {
    const o = /** @type {{code?: unknown, message?: unknown, line?: unknown, column?: unknown, offset?: unknown}} */ (e);
    return {
      code: typeof o.code === "string" && o.code ? o.code : "internal",
      message: String(o.message || e),
      line: typeof o.line === "number" ? o.line : null,
      column: typeof o.column === "number" ? o.column : null,
      offset: typeof o.offset === "number" ? o.offset : null,
    };
  }
  return { code: "internal", message: String(e), line: null, column: null, offset: null };
}

/** @param {string} message @param {string} code */
function fail(message, code) {
  return Object.assign(new Error(message), { code });
}

/** @param {string | Uint8Array} input */
function asText(input) {
  return typeof input === "string" ? input : new TextDecoder("utf-8").decode(input);
}

/**
 * A few lines around line:column for an invalid_json error, long lines windowed.
 * @param {string | Uint8Array} input @param {number} line @param {number | null} column
 */
function excerpt(input, line, column) {
  const text = asText(input);
  const first = Math.max(1, line - 3);
  const last = line + 2;
  const WIN = 120;
  let pos = 0;
  let n = 1;
  while (n < first) {
    const nl = text.indexOf("\n", pos);
    if (nl < 0) return [];
    pos = nl + 1;
    n++;
  }
  const lines = [];
  for (; n <= last && pos <= text.length; n++) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    let s = text.slice(pos, nl).replace(/\r$/, "");
    let caret = n === line ? Math.max(1, column || 1) : null;
    if (s.length > WIN) {
      const center = caret != null ? caret - 1 : 0;
      const cut = Math.max(0, Math.min(center - 50, s.length - WIN));
      s = (cut > 0 ? "…" : "") + s.slice(cut, cut + WIN) + (cut + WIN < s.length ? "…" : "");
      if (caret != null) caret = caret - cut + (cut > 0 ? 1 : 0);
    }
    lines.push({ n, text: s, caret });
    if (nl >= text.length) break;
    pos = nl + 1;
  }
  return lines;
}

/** @param {string | Uint8Array} input */
function sizeOf(input) {
  return typeof input === "string" ? new TextEncoder().encode(input).length : input.byteLength;
}

/** @param {{bytes?: Uint8Array, text?: string, file?: Blob}} a @returns {Promise<string | Uint8Array>} */
async function inputOf(a) {
  if (a.bytes) return a.bytes instanceof Uint8Array ? a.bytes : new Uint8Array(a.bytes);
  if (typeof a.text === "string") return a.text;
  if (a.file) return new Uint8Array(await a.file.arrayBuffer());
  throw fail("nothing to read", "internal");
}

/** @param {number} id */
function doc(id) {
  const d = docs.get(id);
  if (!d) throw fail("payload " + id + " is closed", "closed");
  return d;
}

/** @param {string | undefined} run */
function runOpt(run) {
  return run ? { run } : undefined;
}

/** How many spans a run's timeline draws, roughly (lanes + events). @param {Run | undefined | null} run */
function weight(run) {
  return run ? (run.elementCount || 0) + (run.eventCount || 0) : 0;
}

/** @param {TimelineMode} mode @param {number} w */
function frameMode(mode, w) {
  return mode === "frames" || (mode !== "objects" && w > FRAME_THRESHOLD);
}

/** @param {core.TimelineView} view @param {EngineDoc | null} d @returns {TimelineReply} */
function registerView(view, d) {
  const handle = nextHandle++;
  views.set(handle, { view, doc: d });
  if (d) d.views.add(handle);
  return {
    kind: "frames", view: handle, laneCount: view.laneCount, visibleCount: view.visibleCount,
    start: view.start ?? null, end: view.end ?? null, bits: core.frameBits(),
  };
}

/** @param {Timeline} tl @returns {TimelineReply} */
function objectsResult(tl) {
  return { kind: "objects", value: tl };
}

/** @param {number} handle */
function vw(handle) {
  const v = views.get(handle);
  if (!v) throw fail("timeline view " + handle + " is closed", "closed");
  return v.view;
}

/** @param {number} handle */
function space(handle) {
  const w = spaces.get(handle);
  if (!w) throw fail("workspace " + handle + " is closed", "closed");
  return w;
}

/** @type {Record<ExportKind, {fn: "exportJson" | "exportCsv" | "exportTrace", ext: string, type: string}>} */
const EXPORTS = {
  json: { fn: "exportJson", ext: "execscope.json", type: "application/json" },
  csv: { fn: "exportCsv", ext: "elements.csv", type: "text/csv;charset=utf-8" },
  trace: { fn: "exportTrace", ext: "trace.json", type: "application/json" },
};

/** The core's exports by name, for feature detection (an older core build may lack some). */
const exported = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (core));

/**
 * @typedef {{ [M in Method]: (args: Args<M>) => Reply<M> | Moved | Promise<Reply<M> | Moved> }} Methods
 */

/**
 * Every call the page can make (EngineApi in types.d.ts: names, arguments, results).
 * Each returns its reply, or a Moved (reply + buffers to move).
 * @type {Omit<Methods, "init">}
 */
export const methods = {
  /** The core's version and the names of the functions this build has (feature detection). */
  info() {
    return { version: core.version(), has: Object.keys(exported).filter((k) => typeof exported[k] === "function") };
  },

  /** Read a payload: {id, name, bytes | text | file} → {size, format, summary, error}. */
  async open(a) {
    const input = await inputOf(a);
    /** @type {EngineDoc} */
    const d = { id: a.id, name: a.name, input, size: sizeOf(input), payload: null, summary: null, views: new Set() };
    docs.set(a.id, d);
    /** @type {Reply<"open">} */
    const out = { size: d.size, format: null, summary: null, error: null };
    try {
      // Read once (core.Payload keeps the model in wasm): the summary now, the
      // timeline and events later without reading the payload again.
      d.payload = new core.Payload(input);
      d.summary = d.payload.summary();
      out.summary = d.summary;
      out.format = d.summary.kind;
    } catch (e) {
      out.error = normError(e);
      if (out.error.code === "invalid_json" && out.error.line != null) {
        try { out.error.context = excerpt(input, out.error.line, out.error.column); } catch (_) { out.error.context = null; }
      }
      try { out.format = core.detect(input); } catch (_) { out.format = null; }
    }
    return out;
  },

  /** Forget a payload and its timeline views. */
  close({ id }) {
    const d = docs.get(id);
    if (!d) return false;
    for (const h of d.views) methods.viewFree({ view: h });
    if (d.payload) d.payload.free();
    docs.delete(id);
    return true;
  },

  /**
   * The timeline of one run: the whole object (kind "objects") when it is small,
   * else a TimelineView kept here (kind "frames"). mode: auto | objects | frames.
   */
  timeline({ id, run, mode }) {
    const d = doc(id);
    const r = d.summary && (d.summary.runs.find((x) => x.id === run) || d.summary.runs[0]);
    if (frameMode(mode, weight(r))) return registerView(d.payload ? d.payload.view(run) : new core.TimelineView(d.input, runOpt(run)), d);
    return objectsResult(d.payload ? d.payload.timeline(run) : core.timeline(d.input, runOpt(run)));
  },

  /**
   * Events from..from+count of an event list, packed (engine/pack.js) for a cheap
   * hand-over: the page asks in slices, so no long task on its side.
   */
  eventsPacked({ id, from, count }) {
    const d = doc(id);
    // Packed by the core from its own event list (read on the first slice,
    // dropped after the last): no event object is built on either side.
    const payload = d.payload || (d.payload = new core.Payload(d.input));
    const p = payload.eventsPacked(from || 0, count || 0xffffffff);
    return new Moved(p, buffers(p));
  },

  /** The whole payload as a JS value. */
  raw({ id }) {
    return JSON.parse(core.rawJson(doc(id).input));
  },

  decode({ text }) {
    return core.decodeObjectData(text);
  },

  exportDoc({ id, kind, run }) {
    const e = EXPORTS[kind];
    if (!e || typeof exported[e.fn] !== "function") throw fail("this build of the core has no " + (e ? e.fn : kind), "unsupported");
    return { text: core[e.fn](doc(id).input, runOpt(run)), ext: e.ext, type: e.type };
  },

  compare({ a, runA, b, runB }) {
    return core.compare(doc(a).input, doc(b).input, runOpt(runA), runOpt(runB));
  },

  /**
   * The dependency graph of one run, laid out by the core (nodes with their boxes,
   * edges with their routes, root causes, critical path): the page only draws it.
   */
  graph({ id, run }) {
    const d = doc(id);
    return d.payload ? d.payload.graph(run) : core.graph(d.input, runOpt(run));
  },

  // ---- TimelineView (frames) --------------------------------------------------------------

  /** One byte per column per visible lane from..to (docs/reference.md#payload-and-timelineview). */
  viewFrame({ view, t0, t1, columns, from, to }) {
    const t = performance.now();
    const bytes = vw(view).frame(t0, t1, columns, from, to);
    const ms = performance.now() - t;
    return new Moved({ t0, t1, columns, from, to: Math.min(to, from + bytes.length / Math.max(1, columns)), bytes, ms }, [bytes.buffer]);
  },

  /** Labels, ids and phase indexes of visible lanes from..to. */
  viewRows({ view, from, to }) {
    const v = vw(view);
    const phases = v.lanePhases(from, to);
    return new Moved({ from, ids: v.ids(from, to), labels: v.labels(from, to), phases }, [phases.buffer]);
  },

  viewHit({ view, row, t, tolerance }) {
    return vw(view).hit(row, t, tolerance) ?? null;
  },

  viewLane({ view, index }) {
    return vw(view).lane(index) ?? null;
  },

  viewIndexOf({ view, id }) {
    return vw(view).indexOf(id) ?? -1;
  },

  /** Keep lanes whose phase bit is in mask and whose text contains text; returns the visible count. */
  viewFilter({ view, mask, text }) {
    return vw(view).filter(mask, text || "");
  },

  /**
   * Per column and phase, how many visible lanes have a span there (the overview
   * strip), counted here from frames. Uint32Array(phases × columns), phases in the core's index order.
   */
  viewOverview({ view, t0, t1, columns }) {
    const v = vw(view);
    const n = v.visibleCount;
    const bits = core.frameBits();
    const counts = new Float64Array(bits.phases.length * columns);
    // Up to 32,768 lanes are counted: blocks of 512 spread evenly (lanes are in
    // time order, so the blocks sample the whole run), scaled to all lanes.
    const BLOCK = 512, MAX = 32768;
    const blocks = Math.ceil(n / BLOCK);
    const take = Math.min(blocks, MAX / BLOCK);
    let counted = 0;
    for (let b = 0; b < take; b++) {
      const from = Math.floor((b * blocks) / take) * BLOCK;
      const to = Math.min(n, from + BLOCK);
      const cells = v.frame(t0, t1, columns, from, to);
      counted += to - from;
      for (let r = 0, i = 0; r < to - from; r++) {
        for (let c = 0; c < columns; c++, i++) {
          const p = cells[i] & bits.phase;
          if (p) counts[(p - 1) * columns + c]++;
        }
      }
    }
    const scale = counted ? n / counted : 1;
    const out = new Uint32Array(bits.phases.length * columns);
    for (let i = 0; i < out.length; i++) out[i] = Math.round(counts[i] * scale);
    return new Moved(out, [out.buffer]);
  },

  viewFree({ view }) {
    const v = views.get(view);
    if (!v) return false;
    views.delete(view);
    if (v.doc) v.doc.views.delete(view);
    try { v.view.free(); } catch (_) { /* already freed */ }
    return true;
  },

  // ---- Workspace (payloads of one run joined) -------------------------------------------------

  wsNew() {
    const handle = nextHandle++;
    spaces.set(handle, new core.Workspace());
    return handle;
  },

  /** Add an open payload (doc) or bytes/text to a workspace: the core's Added. */
  async wsAdd(a) {
    const ws = space(a.ws);
    const input = a.doc != null ? doc(a.doc).input : await inputOf(a);
    return ws.add(input, a.name);
  },

  wsRuns({ ws }) {
    return space(ws).runs();
  },

  wsSummary({ ws, run }) {
    return space(ws).summary(run);
  },

  /** The merged timeline: objects when small, else a TimelineView (frames). */
  wsTimeline({ ws, run, mode, weight: w }) {
    const space_ = space(ws);
    if (frameMode(mode, w || 0)) return registerView(space_.timelineView(run), null);
    return objectsResult(space_.timeline(run));
  },

  wsChanges({ ws, run, since }) {
    return space(ws).changes(run, since || 0);
  },

  /** The joined run's dependency graph (edges from the execution's template). */
  wsGraph({ ws, run }) {
    return space(ws).graph(run);
  },

  wsFree({ ws }) {
    const w = spaces.get(ws);
    if (!w) return false;
    spaces.delete(ws);
    try { w.free(); } catch (_) { /* already freed */ }
    return true;
  },

  /** What this engine holds: open payloads, timeline views and workspaces, the open payloads' bytes, the wasm memory's size in bytes. */
  memory() {
    let openBytes = 0;
    for (const d of docs.values()) openBytes += d.size;
    return {
      held: docs.size + views.size + spaces.size, docs: docs.size, views: views.size, spaces: spaces.size, openBytes,
      wasmBytes: memory ? memory.buffer.byteLength : 0, nextHandle, warmMs,
    };
  },

  /** Copies of the open payloads' inputs (a fresh engine reads them again: data/client.js Engine.recycle). */
  inputs() {
    return [...docs.values()].map((d) => (typeof d.input === "string" ? { id: d.id, name: d.name, text: d.input } : { id: d.id, name: d.name, bytes: d.input }));
  },

  /** Give handles from n on, so that a fresh engine's handles never equal an old one's. */
  handlesFrom({ n }) {
    nextHandle = Math.max(nextHandle, Number(n) || 0);
    return nextHandle;
  },
};

/**
 * Run one call: resolves to {value, transfer} (transfer: ArrayBuffers the caller may move).
 * @template {Exclude<Method, "init">} M
 * @param {M} method
 * @param {Args<M>} args
 * @returns {Promise<{value: Reply<M>, transfer: Transferable[]}>}
 */
export async function handle(method, args) {
  /** @type {((a: Args<M>) => unknown) | undefined} */
  const fn = Object.prototype.hasOwnProperty.call(methods, method) ? /** @type {any} */ (methods)[method] : undefined;
  if (!fn) throw fail("unknown engine call " + method, "internal");
  await ready;
  if (warm && method !== "info") await warm;
  const r = await fn(args || /** @type {Args<M>} */ ({}));
  if (r instanceof Moved) return { value: /** @type {Reply<M>} */ (r.value), transfer: r.transfer };
  return { value: /** @type {Reply<M>} */ (r), transfer: [] };
}
