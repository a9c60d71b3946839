// The engine: everything that touches the wasm core or parses a payload. It runs
// inside js/worker.js (a Web Worker, so a 100 MB payload never blocks the page)
// or, when no worker can start, on the main thread behind the same calls. The
// page talks to it only through load.js: call(method, args) → result.
//
// It keeps what the page must not hold: the payload bytes, the core's
// TimelineView (large timelines stay in wasm; the page asks for frames) and the
// core's Workspaces (payloads of one run joined).
import init, * as core from "../pkg/execscope.js";

let ready = null;

/** Initialise the wasm once (wasm: bytes or a WebAssembly.Module, else the default URL). */
export function start(wasm) {
  if (!ready) ready = (wasm ? init({ module_or_path: wasm }) : init()).then(() => core.version());
  return ready;
}

// Above this many spans (or lanes) a timeline stays in wasm and is drawn from frames.
export const FRAME_THRESHOLD = 20000;

const docs = new Map(); // id -> {id, name, input, size, payload, summary, events, views:Set}
const views = new Map(); // handle -> {view, doc}
const spaces = new Map(); // handle -> Workspace
let nextHandle = 1;

export function normError(e) {
  if (e && typeof e === "object") {
    return {
      code: e.code || "internal",
      message: String(e.message || e),
      line: typeof e.line === "number" ? e.line : null,
      column: typeof e.column === "number" ? e.column : null,
      offset: typeof e.offset === "number" ? e.offset : null,
    };
  }
  return { code: "internal", message: String(e), line: null, column: null, offset: null };
}

/** Split "中文##English" the way the core splits Bilingual texts (for lane and failure texts). */
export function splitBilingual(text) {
  if (text == null) return null;
  const i = text.indexOf("##");
  if (i < 0) return { raw: text, zh: null, en: null };
  const zh = text.slice(0, i).trim();
  const en = text.slice(i + 2).trim();
  return { raw: text, zh: zh || null, en: en || null };
}

function splitRun(r) {
  r.reasonBi = splitBilingual(r.reason ?? null);
  r.messageBi = splitBilingual(r.message ?? null);
  if (r.firstFailure) {
    r.firstFailure.reasonBi = splitBilingual(r.firstFailure.reason);
    r.firstFailure.messageBi = splitBilingual(r.firstFailure.message);
  }
  return r;
}

function splitLane(l) {
  if (!l) return l;
  l.reasonBi = splitBilingual(l.reason);
  l.messageBi = splitBilingual(l.message);
  return l;
}

function asText(input) {
  return typeof input === "string" ? input : new TextDecoder("utf-8").decode(input);
}

/** A few lines around line:column for an invalid_json error, long lines windowed. */
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

function sizeOf(input) {
  return typeof input === "string" ? new TextEncoder().encode(input).length : input.byteLength;
}

async function inputOf(a) {
  if (a.bytes) return a.bytes instanceof Uint8Array ? a.bytes : new Uint8Array(a.bytes);
  if (typeof a.text === "string") return a.text;
  if (a.file) return new Uint8Array(await a.file.arrayBuffer());
  throw Object.assign(new Error("nothing to read"), { code: "internal" });
}

function doc(id) {
  const d = docs.get(id);
  if (!d) throw Object.assign(new Error("payload " + id + " is closed"), { code: "closed" });
  return d;
}

function runOpt(run) {
  return run ? { run } : undefined;
}

/** How many spans a run's timeline draws, roughly (lanes + events). */
function weight(run) {
  return run ? (run.elementCount || 0) + (run.eventCount || 0) : 0;
}

function frameMode(mode, w) {
  return mode === "frames" || (mode !== "objects" && w > FRAME_THRESHOLD);
}

function registerView(view, d) {
  const handle = nextHandle++;
  views.set(handle, { view, doc: d });
  if (d) d.views.add(handle);
  return {
    kind: "frames", view: handle, laneCount: view.laneCount, visibleCount: view.visibleCount,
    start: view.start ?? null, end: view.end ?? null,
  };
}

function objectsResult(tl) {
  for (const l of tl.lanes) splitLane(l);
  return { kind: "objects", value: tl };
}

function vw(handle) {
  const v = views.get(handle);
  if (!v) throw Object.assign(new Error("timeline view " + handle + " is closed"), { code: "closed" });
  return v.view;
}

function space(handle) {
  const w = spaces.get(handle);
  if (!w) throw Object.assign(new Error("workspace " + handle + " is closed"), { code: "closed" });
  return w;
}

const EXPORTS = {
  json: { fn: "exportJson", ext: "execscope.json", type: "application/json" },
  csv: { fn: "exportCsv", ext: "elements.csv", type: "text/csv;charset=utf-8" },
  trace: { fn: "exportTrace", ext: "trace.json", type: "application/json" },
};

/** Every call the page can make. Each returns a value, or {value, transfer: [ArrayBuffer]}. */
export const methods = {
  /** The core's version and the names of the functions this build has (feature detection). */
  info() {
    return { version: core.version(), has: Object.keys(core).filter((k) => typeof core[k] === "function") };
  },

  /** Read a payload: {id, name, bytes | text | file} → {size, format, summary, error}. */
  async open(a) {
    const input = await inputOf(a);
    const d = { id: a.id, name: a.name, input, size: sizeOf(input), payload: null, summary: null, events: null, views: new Set() };
    docs.set(a.id, d);
    const out = { size: d.size, format: null, summary: null, error: null };
    try {
      // Read once (core.Payload keeps the model in wasm): the summary now, the
      // timeline and events later without reading the payload again.
      d.payload = new core.Payload(input);
      d.summary = d.payload.summary();
      for (const r of d.summary.runs) splitRun(r);
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
   * Events from..from+count of an event list, packed for a cheap hand-over (the
   * page asks in slices: no long task on its side): numbers in typed arrays (moved,
   * not copied), repeated texts (element, type, reason…) once per slice in a
   * string table, messages as three string arrays. load.js rebuilds the events.
   */
  eventsPacked({ id, from, count }) {
    const d = doc(id);
    if (!d.events) d.events = d.payload ? d.payload.events() : core.events(d.input);
    const start = from || 0;
    const items = d.events.slice(start, count ? start + count : undefined);
    const n = items.length;
    const strings = [];
    const index = new Map();
    const intern = (s) => {
      if (s == null) return -1;
      let k = index.get(s);
      if (k === undefined) { k = strings.length; strings.push(s); index.set(s, k); }
      return k;
    };
    const reasons = []; // [raw, zh, en] per distinct reason
    const reasonIndex = new Map();
    const cols = {
      element: new Int32Array(n), elemType: new Int32Array(n), type: new Int32Array(n), action: new Int32Array(n),
      kind: new Int32Array(n), phase: new Int32Array(n), reason: new Int32Array(n),
      first: new Float64Array(n), last: new Float64Array(n), count: new Float64Array(n),
    };
    const msgRaw = new Array(n), msgZh = new Array(n), msgEn = new Array(n);
    for (let i = 0; i < n; i++) {
      const e = items[i];
      cols.element[i] = intern(e.element);
      cols.elemType[i] = intern(e.elemType);
      cols.type[i] = intern(e.type);
      cols.action[i] = intern(e.action);
      cols.kind[i] = intern(e.kind);
      cols.phase[i] = intern(e.phase);
      const r = e.reason || { raw: "", zh: null, en: null };
      let k = reasonIndex.get(r.raw);
      if (k === undefined) { k = reasons.length; reasons.push([r.raw, r.zh, r.en]); reasonIndex.set(r.raw, k); }
      cols.reason[i] = k;
      cols.first[i] = e.firstTimestamp ?? NaN;
      cols.last[i] = e.lastTimestamp ?? NaN;
      cols.count[i] = e.count;
      const m = e.message || { raw: "", zh: null, en: null };
      msgRaw[i] = m.raw; msgZh[i] = m.zh; msgEn[i] = m.en;
    }
    const transfer = Object.values(cols).map((a) => a.buffer);
    return { value: { total: d.events.length, n, strings, reasons, cols, msgRaw, msgZh, msgEn }, transfer };
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
    if (!e || typeof core[e.fn] !== "function") {
      throw Object.assign(new Error("this build of the core has no " + (e ? e.fn : kind)), { code: "unsupported" });
    }
    return { text: core[e.fn](doc(id).input, runOpt(run)), ext: e.ext, type: e.type };
  },

  compare({ a, runA, b, runB }) {
    return core.compare(doc(a).input, doc(b).input, runOpt(runA), runOpt(runB));
  },

  // ---- TimelineView (frames) --------------------------------------------------------------

  /** One byte per column per visible lane from..to (README "Drawing large timelines"). */
  viewFrame({ view, t0, t1, columns, from, to }) {
    const t = performance.now();
    const bytes = vw(view).frame(t0, t1, columns, from, to);
    const ms = performance.now() - t;
    return { value: { t0, t1, columns, from, to: Math.min(to, from + bytes.length / Math.max(1, columns)), bytes, ms }, transfer: [bytes.buffer] };
  },

  /** Labels, ids and phase indexes of visible lanes from..to. */
  viewRows({ view, from, to }) {
    const v = vw(view);
    const phases = v.lanePhases(from, to);
    return { value: { from, labels: v.labels(from, to), phases }, transfer: [phases.buffer] };
  },

  viewHit({ view, row, t, tolerance }) {
    const hit = vw(view).hit(row, t, tolerance);
    if (hit) splitLane(hit.lane);
    return hit ?? null;
  },

  viewLane({ view, index }) {
    return splitLane(vw(view).lane(index)) ?? null;
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
   * strip), counted here from frames. Uint32Array(7 × columns).
   */
  viewOverview({ view, t0, t1, columns }) {
    const v = vw(view);
    const n = v.visibleCount;
    const counts = new Float64Array(7 * columns);
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
          const p = cells[i] & 7;
          if (p) counts[(p - 1) * columns + c]++;
        }
      }
    }
    const scale = counted ? n / counted : 1;
    const out = new Uint32Array(7 * columns);
    for (let i = 0; i < out.length; i++) out[i] = Math.round(counts[i] * scale);
    return { value: out, transfer: [out.buffer] };
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
    const s = space(ws).summary(run);
    splitRun(s.run);
    return s;
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

  wsFree({ ws }) {
    const w = spaces.get(ws);
    if (!w) return false;
    spaces.delete(ws);
    try { w.free(); } catch (_) { /* already freed */ }
    return true;
  },
};

/** Run one call: resolves to {value, transfer} (transfer: ArrayBuffers the caller may move). */
export async function handle(method, args) {
  const fn = methods[method];
  if (!fn) throw Object.assign(new Error("unknown engine call " + method), { code: "internal" });
  await ready;
  const r = await fn(args || {});
  if (r && typeof r === "object" && "transfer" in r && "value" in r) return r;
  return { value: r, transfer: [] };
}
