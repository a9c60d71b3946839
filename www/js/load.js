// Loading: files, drag-and-drop, paste, samples, and the engine that reads them.
// This module and the engine it drives (js/engine.js, in the Web Worker
// js/worker.js, or on the main thread when no worker can start) are the only
// code that calls the wasm core or parses anything; render modules get plain
// values. Everything stays in this page: the served build fetches only
// same-origin (the worker, the wasm and /samples/), the single-file build
// fetches nothing (wasm, worker code and samples are inlined in a JSON data
// block; the worker starts from a Blob URL).
import * as engine from "./engine.js";

let ready = null;
let inline = undefined;
let conn = null; // {kind: "worker" | "main", call(method, args, transfer) → Promise}
let info = { version: "", has: [] };

/** The inline data block of the single-file build, or null when served. */
function inlineData() {
  if (inline !== undefined) return inline;
  const el = document.getElementById("execscope-inline");
  inline = null;
  if (el) {
    try { inline = JSON.parse(el.textContent); } catch (_) { inline = null; }
  }
  return inline;
}

function b64ToBytes(b64) {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** ?engine=main forces the main-thread engine (for comparison and tests). */
function wantWorker() {
  try { return new URLSearchParams(location.search).get("engine") !== "main"; } catch (_) { return true; }
}

/** A worker (served: the module js/worker.js; single file: a Blob URL of the inlined, bundled worker). */
function workerConn(data) {
  return new Promise((resolve, reject) => {
    let w;
    let url = null;
    try {
      if (data) {
        if (typeof data.worker !== "string") throw new Error("this build has no worker code");
        // A classic worker: no module worker starts from a Blob URL in a file:// page.
        url = URL.createObjectURL(new Blob([data.worker], { type: "text/javascript" }));
        w = new Worker(url, { name: "execscope" });
      } else {
        w = new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "execscope" });
      }
    } catch (e) {
      if (url) URL.revokeObjectURL(url);
      reject(e);
      return;
    }
    const pending = new Map();
    let seq = 0;
    let started = false;
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
      const err = { code: "worker", message: "the reading worker stopped: " + ((e && e.message) || "error"), line: null, column: null, offset: null };
      failAll(err);
      if (!started) { clearTimeout(timer); w.terminate(); reject(err); }
    };
    const call = (method, args, transfer) => new Promise((res, rej) => {
      const id = ++seq;
      pending.set(id, { resolve: res, reject: rej });
      try { w.postMessage({ id, method, args }, transfer || []); } catch (e) { pending.delete(id); rej(e); }
    });
    const timer = setTimeout(() => { w.terminate(); failAll(new Error("timeout")); reject(new Error("the reading worker did not start")); }, 30000);
    const wasm = data && data.wasm ? b64ToBytes(data.wasm) : undefined;
    call("init", { wasm }, wasm ? [wasm.buffer] : []).then(() => {
      started = true;
      clearTimeout(timer);
      if (url) URL.revokeObjectURL(url);
      resolve({ kind: "worker", call });
    }, (e) => {
      clearTimeout(timer);
      w.terminate();
      reject(e);
    });
  });
}

/** The same engine on the main thread (no worker: big payloads then block while read). */
async function mainConn(data) {
  await engine.start(data && data.wasm ? b64ToBytes(data.wasm) : undefined);
  return { kind: "main", call: async (method, args) => (await engine.handle(method, args)).value };
}

/** Start the engine once (a worker if one can start, else the main thread). Resolves to the core's version. */
export function start() {
  if (!ready) {
    ready = (async () => {
      const data = inlineData();
      let c = null;
      if (wantWorker() && typeof Worker === "function") {
        try { c = await workerConn(data); } catch (_) { c = null; }
      }
      if (!c) c = await mainConn(data);
      conn = c;
      info = await c.call("info");
      return info.version;
    })();
  }
  return ready;
}

/** "worker" or "main": where payloads are read. */
export function engineKind() {
  return conn ? conn.kind : "";
}

function call(method, args, transfer) {
  if (!conn) return Promise.reject({ code: "internal", message: "the engine is not started" });
  return conn.call(method, args, transfer);
}

/** {value} or {error} from a call. */
async function result(method, args, transfer) {
  try { return { value: await call(method, args, transfer) }; } catch (e) { return { error: engine.normError(e) }; }
}

export function isSingleFile() {
  return !!inlineData();
}

/** The sample list: [{file, title, format, description}]. */
export async function listSamples() {
  const data = inlineData();
  if (data) return Array.isArray(data.samplesIndex) ? data.samplesIndex : [];
  if (location.protocol === "file:") return [];
  try {
    const r = await fetch(new URL("samples/index.json", document.baseURI), { credentials: "same-origin" });
    if (!r.ok) return [];
    const list = await r.json();
    return Array.isArray(list) ? list.filter((s) => s && typeof s.file === "string") : [];
  } catch (_) {
    return [];
  }
}

/** The bytes of one sample, by file name. */
export async function fetchSample(file) {
  const data = inlineData();
  if (data) {
    const text = data.samples && data.samples[file];
    if (typeof text !== "string") throw new Error("sample " + file + " is not in this build");
    return new TextEncoder().encode(text);
  }
  if (!/^[\w.\-]+$/.test(file)) throw new Error("bad sample name");
  const r = await fetch(new URL("samples/" + file, document.baseURI), { credentials: "same-origin" });
  if (!r.ok) throw new Error("sample " + file + ": HTTP " + r.status);
  return new Uint8Array(await r.arrayBuffer());
}

/** Polling series (samples/polling/index.json): [{name, title, description, interval, snapshots: [file]}]. */
export async function listPolling() {
  const data = inlineData();
  if (data) return Array.isArray(data.pollingIndex) ? data.pollingIndex : [];
  if (location.protocol === "file:") return [];
  try {
    const r = await fetch(new URL("samples/polling/index.json", document.baseURI), { credentials: "same-origin" });
    if (!r.ok) return [];
    const list = await r.json();
    return Array.isArray(list) ? list.filter((s) => s && Array.isArray(s.snapshots)) : [];
  } catch (_) {
    return [];
  }
}

/** The bytes of one recorded snapshot, by file name. */
export async function fetchPolling(file) {
  const data = inlineData();
  if (data) {
    const text = data.polling && data.polling[file];
    if (typeof text !== "string") throw new Error("snapshot " + file + " is not in this build");
    return new TextEncoder().encode(text);
  }
  if (!/^[\w.\-]+$/.test(file)) throw new Error("bad snapshot name");
  const r = await fetch(new URL("samples/polling/" + file, document.baseURI), { credentials: "same-origin" });
  if (!r.ok) throw new Error("snapshot " + file + ": HTTP " + r.status);
  return new Uint8Array(await r.arrayBuffer());
}

let seq = 0;

/** The engine arguments for an input (File, string or bytes), and what may be moved to the worker. */
function inputArgs(input) {
  if (typeof Blob !== "undefined" && input instanceof Blob) return { args: { file: input }, transfer: [] };
  if (typeof input === "string") return { args: { text: input }, transfer: [] };
  const whole = input.byteOffset === 0 && input.byteLength === input.buffer.byteLength;
  return { args: { bytes: input }, transfer: whole ? [input.buffer] : [] };
}

function inputSize(input) {
  if (typeof Blob !== "undefined" && input instanceof Blob) return input.size;
  return typeof input === "string" ? input.length : input.byteLength;
}

/**
 * Read one payload (a File, a string or bytes; bytes are moved to the engine).
 * Resolves to a Doc: {id, name, source, size, format, summary, error}.
 * The error (if any) is {code, message, line, column, offset, context}.
 */
export async function openPayload(name, input, source) {
  const id = ++seq;
  const doc = {
    id, name, source: source || "", size: inputSize(input),
    format: null, summary: null, error: null,
    _timelines: new Map(), _events: null, _raw: null, closed: false,
  };
  const { args, transfer } = inputArgs(input);
  try {
    const r = await call("open", { id, name, ...args }, transfer);
    Object.assign(doc, { size: r.size, format: r.format, summary: r.summary, error: r.error });
  } catch (e) {
    doc.error = engine.normError(e);
  }
  return doc;
}

/**
 * The timeline of a run, cached per run: {value: {kind: "objects", value: Timeline}}
 * or {value: {kind: "frames", view: RemoteView}} (a large timeline kept in the
 * engine), or {error}. mode: auto | objects | frames.
 */
export function getTimeline(doc, runId, mode) {
  const key = (runId || "") + "|" + (mode || "auto");
  if (!doc._timelines.has(key)) {
    doc._timelines.set(key, result("timeline", { id: doc.id, run: runId || undefined, mode: mode || "auto" }).then(wrapTimeline));
  }
  return doc._timelines.get(key);
}

function wrapTimeline(r) {
  if (r.error || r.value.kind !== "frames") return r;
  return { value: { kind: "frames", view: new RemoteView(r.value) } };
}

const EVENTS_SLICE = 5000;

/** Rebuild the events of a packed slice (engine.eventsPacked); reasons are shared objects. */
function unpackEvents(p, reasonCache, out, stats) {
  const S = p.strings;
  const c = p.cols;
  const reasons = p.reasons.map(([raw, zh, en]) => {
    let r = reasonCache.get(raw);
    if (!r) { r = { raw, zh, en }; reasonCache.set(raw, r); }
    return r;
  });
  const str = (k) => (k < 0 ? null : S[k]);
  for (let i = 0; i < p.n; i++) {
    const e = {
      element: str(c.element[i]), elemType: str(c.elemType[i]), type: str(c.type[i]),
      reason: reasons[c.reason[i]],
      message: { raw: p.msgRaw[i], zh: p.msgZh[i], en: p.msgEn[i] },
      firstTimestamp: Number.isNaN(c.first[i]) ? null : c.first[i],
      lastTimestamp: Number.isNaN(c.last[i]) ? null : c.last[i],
      count: c.count[i], action: str(c.action[i]), kind: str(c.kind[i]), phase: str(c.phase[i]),
    };
    out.push(e);
    const t = e.type ?? "(none)";
    stats.types.set(t, (stats.types.get(t) || 0) + 1);
    if (e.element != null) stats.elements.set(e.element, (stats.elements.get(e.element) || 0) + 1);
  }
}

/**
 * events(input) for the doc ([] for other formats), fetched in packed slices so
 * that no single hand-over blocks the page; types and elements are counted as
 * the slices arrive (the events table then need not walk them all at once).
 * {value, stats: {types, elements}} or {error}. onProgress(done, total).
 */
export function getEvents(doc, onProgress) {
  if (!doc._events) {
    doc._events = (async () => {
      try {
        const stats = { types: new Map(), elements: new Map() };
        const reasonCache = new Map();
        const out = [];
        let total = Infinity;
        for (let from = 0; from < total; from += EVENTS_SLICE) {
          if (onProgress && from) onProgress(from, total);
          const p = await call("eventsPacked", { id: doc.id, from, count: EVENTS_SLICE });
          total = p.total;
          unpackEvents(p, reasonCache, out, stats);
          if (!p.n) break;
        }
        return { value: out, stats };
      } catch (e) {
        return { error: engine.normError(e) };
      }
    })();
  }
  return doc._events;
}

/** The whole payload as a JS value: JSON.parse(rawJson(input)). {value} or {error}. */
export function getRaw(doc) {
  if (!doc._raw) doc._raw = result("raw", { id: doc.id });
  return doc._raw;
}

/** decodeObjectData(text): {value: DecodedObjectData} or {error}. */
export function decode(text) {
  return result("decode", { text });
}

/** True when the core build has this export (compare, exportJson, exportCsv, exportTrace, Workspace…). */
export function has(name) {
  return info.has.includes(name);
}

/** kind: json | csv | trace. {value: {text, ext, type}} or {error}. */
export function exportDoc(doc, kind, runId) {
  return result("exportDoc", { id: doc.id, kind, run: runId || undefined });
}

/** compare(a, b): run runA of doc a against run runB of doc b. {value: Comparison} or {error}. */
export function compareDocs(a, runA, b, runB) {
  if (!has("compare")) return Promise.resolve({ error: { code: "unsupported", message: "this build of the core has no compare" } });
  return result("compare", { a: a.id, runA: runA || undefined, b: b.id, runB: runB || undefined });
}

/** Forget a closed doc (here and in the engine: its bytes and timeline views). */
export function dispose(doc) {
  doc.closed = true;
  doc._timelines.clear();
  doc._events = null;
  doc._raw = null;
  call("close", { id: doc.id }).catch(() => {});
}

/**
 * A timeline kept in the engine (the core's TimelineView), drawn from frames:
 * every method is a call to the engine and resolves later.
 */
export class RemoteView {
  constructor(r) {
    this.handle = r.view;
    this.laneCount = r.laneCount;
    this.visibleCount = r.visibleCount;
    this.start = r.start;
    this.end = r.end;
    this.freed = false;
  }

  /** {t0, t1, columns, from, to, bytes: Uint8Array} (README "Drawing large timelines"). */
  frame(t0, t1, columns, from, to) { return call("viewFrame", { view: this.handle, t0, t1, columns, from, to }); }
  /** {from, labels: string[], phases: Uint8Array} of visible lanes from..to. */
  rows(from, to) { return call("viewRows", { view: this.handle, from, to }); }
  /** {lane, span, marker} or null. */
  hit(row, t, tolerance) { return call("viewHit", { view: this.handle, row, t, tolerance }); }
  lane(index) { return call("viewLane", { view: this.handle, index }); }
  indexOf(id) { return call("viewIndexOf", { view: this.handle, id }); }
  async filter(mask, text) { this.visibleCount = await call("viewFilter", { view: this.handle, mask, text }); return this.visibleCount; }
  /** Uint32Array(7 × columns): per phase and column, lanes with a span there. */
  overview(t0, t1, columns) { return call("viewOverview", { view: this.handle, t0, t1, columns }); }
  free() { if (this.freed) return; this.freed = true; call("viewFree", { view: this.handle }).catch(() => {}); }
}

/**
 * The core's Workspace (payloads of one run joined), kept in the engine.
 * Every method resolves to {value} or {error}.
 */
export class Space {
  static async create() {
    return new Space(await call("wsNew"));
  }

  constructor(handle) { this.handle = handle; }

  /** Add an open doc (by id: nothing is copied) or bytes / a string. The core's Added. */
  add(docOrInput, name) {
    if (docOrInput && typeof docOrInput === "object" && "id" in docOrInput && "summary" in docOrInput) {
      return result("wsAdd", { ws: this.handle, doc: docOrInput.id, name });
    }
    const { args, transfer } = inputArgs(docOrInput);
    return result("wsAdd", { ws: this.handle, name, ...args }, transfer);
  }

  runs() { return result("wsRuns", { ws: this.handle }); }
  summary(run) { return result("wsSummary", { ws: this.handle, run }); }
  changes(run, since) { return result("wsChanges", { ws: this.handle, run, since: since || 0 }); }

  /** Like getTimeline: objects when small (weight = lanes + events), else a RemoteView. */
  async timeline(run, mode, weight) {
    return wrapTimeline(await result("wsTimeline", { ws: this.handle, run, mode: mode || "auto", weight: weight || 0 }));
  }

  free() { return result("wsFree", { ws: this.handle }); }
}

/** Pretty-print a decoded JSON value (for copy / download / text view). */
export function prettyJson(value) {
  return JSON.stringify(value, null, 2);
}

// --- wiring helpers for the page's inputs -------------------------------------------

/** Calls onFiles(File[]) for drops on `target`; shows `overlay` while dragging files. */
export function installDrop(target, overlay, onFiles) {
  let depth = 0;
  const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes("Files");
  target.addEventListener("dragenter", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth++;
    overlay.hidden = false;
  });
  target.addEventListener("dragover", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  });
  target.addEventListener("dragleave", (e) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (!depth) overlay.hidden = true;
  });
  target.addEventListener("drop", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const files = Array.from(e.dataTransfer.files || []);
    if (files.length) onFiles(files);
  });
}
