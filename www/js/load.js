// Loading: files, drag-and-drop, paste, samples; the only module that calls the
// wasm core or parses anything. Everything stays in this page: the served build
// fetches only same-origin (the wasm and /samples/), the single-file build
// fetches nothing (wasm and samples are inlined in a JSON data block).
// A namespace import: functions a given core build lacks (compare, exports) are
// feature-detected instead of breaking the module link.
import init, * as core from "../pkg/execscope.js";

let ready = null;
let inline = undefined;

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

/** Initialise the wasm once. Resolves to the core's version string. */
export function start() {
  if (!ready) {
    const data = inlineData();
    const p = data && data.wasm
      ? init({ module_or_path: b64ToBytes(data.wasm) })
      : init();
    ready = p.then(() => core.version());
  }
  return ready;
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

export async function readFile(file) {
  return new Uint8Array(await file.arrayBuffer());
}

let seq = 0;

function normError(e) {
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

/** Split "中文##English" the way the core splits Bilingual texts (for lane and failure texts). */
export function splitBilingual(text) {
  if (text == null) return null;
  const i = text.indexOf("##");
  if (i < 0) return { raw: text, zh: null, en: null };
  const zh = text.slice(0, i).trim();
  const en = text.slice(i + 2).trim();
  return { raw: text, zh: zh || null, en: en || null };
}

/**
 * Read one payload. Returns a Doc:
 * {id, name, source, input, size, format, summary, error, runs}
 * The error (if any) is {code, message, line, column, offset, context}.
 */
export function openPayload(name, input, source) {
  const doc = {
    id: ++seq, name, source: source || "", input, size: sizeOf(input),
    format: null, summary: null, error: null,
    _timelines: new Map(), _events: null, _raw: undefined, _rawError: null,
  };
  try {
    doc.summary = core.summarize(input);
    doc.format = doc.summary.kind;
    for (const r of doc.summary.runs) {
      r.reasonBi = splitBilingual(r.reason ?? null);
      r.messageBi = splitBilingual(r.message ?? null);
      if (r.firstFailure) {
        r.firstFailure.reasonBi = splitBilingual(r.firstFailure.reason);
        r.firstFailure.messageBi = splitBilingual(r.firstFailure.message);
      }
    }
  } catch (e) {
    doc.error = normError(e);
    if (doc.error.code === "invalid_json" && doc.error.line != null) {
      try { doc.error.context = excerpt(input, doc.error.line, doc.error.column); } catch (_) { doc.error.context = null; }
    }
    try { doc.format = core.detect(input); } catch (_) { doc.format = null; }
  }
  return doc;
}

/** timeline(input, {run}) for the doc, cached per run. {value} or {error}. */
export function getTimeline(doc, runId) {
  const key = runId || "";
  if (!doc._timelines.has(key)) {
    let r;
    try {
      const tl = core.timeline(doc.input, runId ? { run: runId } : undefined);
      for (const l of tl.lanes) {
        l.reasonBi = splitBilingual(l.reason);
        l.messageBi = splitBilingual(l.message);
      }
      r = { value: tl };
    } catch (e) { r = { error: normError(e) }; }
    doc._timelines.set(key, r);
  }
  return doc._timelines.get(key);
}

/** events(input) for the doc (execution-events; [] otherwise). {value} or {error}. */
export function getEvents(doc) {
  if (!doc._events) {
    try { doc._events = { value: core.events(doc.input) }; } catch (e) { doc._events = { error: normError(e) }; }
  }
  return doc._events;
}

/** The whole payload as a JS value: JSON.parse(rawJson(input)). {value} or {error}. */
export function getRaw(doc) {
  if (doc._raw === undefined) {
    try { doc._raw = { value: JSON.parse(core.rawJson(doc.input)) }; } catch (e) { doc._raw = { error: normError(e) }; }
  }
  return doc._raw;
}

/** decodeObjectData(text): {value: DecodedObjectData} or {error}. */
export function decode(text) {
  try { return { value: core.decodeObjectData(text) }; } catch (e) { return { error: normError(e) }; }
}

/** True when the core build has this export (compare, exportJson, exportCsv, exportTrace). */
export function has(name) {
  return typeof core[name] === "function";
}

const EXPORTS = {
  json: { fn: "exportJson", ext: "execscope.json", type: "application/json" },
  csv: { fn: "exportCsv", ext: "elements.csv", type: "text/csv;charset=utf-8" },
  trace: { fn: "exportTrace", ext: "trace.json", type: "application/json" },
};

/** kind: json | csv | trace. {value: {text, ext, type}} or {error}. */
export function exportDoc(doc, kind, runId) {
  const e = EXPORTS[kind];
  if (!e || !has(e.fn)) return { error: { code: "unsupported", message: "this build of the core has no " + (e ? e.fn : kind) } };
  try {
    return { value: { text: core[e.fn](doc.input, runId ? { run: runId } : undefined), ext: e.ext, type: e.type } };
  } catch (err) {
    return { error: normError(err) };
  }
}

/** compare(a, b): run runA of doc a against run runB of doc b. {value: Comparison} or {error}. */
export function compareDocs(a, runA, b, runB) {
  if (!has("compare")) return { error: { code: "unsupported", message: "this build of the core has no compare" } };
  try {
    return { value: core.compare(a.input, b.input, runA ? { run: runA } : undefined, runB ? { run: runB } : undefined) };
  } catch (err) {
    return { error: normError(err) };
  }
}

/** Free the big cached values of a closed doc. */
export function dispose(doc) {
  doc._timelines.clear();
  doc._events = null;
  doc._raw = undefined;
  doc.input = null;
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
