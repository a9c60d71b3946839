// @ts-check
// Events packed for a cheap hand-over from the engine to the page: numbers in
// typed arrays (moved, not copied), repeated texts (element, type, reason…) once
// per slice in a string table, messages as three string arrays. pack() runs in
// the engine, unpack() on the page; the format (PackedEvents in types.d.ts)
// lives only here.

/** @import { Event, PackedEvents } from "../types.js" */

/**
 * @param {Event[]} items the events of one slice
 * @param {number} total events in the whole list
 * @returns {PackedEvents}
 */
export function pack(items, total) {
  const n = items.length;
  /** @type {string[]} */
  const strings = [];
  /** @type {Map<string, number>} */
  const index = new Map();
  /** @param {string | null | undefined} s */
  const intern = (s) => {
    if (s == null) return -1;
    let k = index.get(s);
    if (k === undefined) { k = strings.length; strings.push(s); index.set(s, k); }
    return k;
  };
  /** @type {PackedEvents["reasons"]} */
  const reasons = [];
  /** @type {Map<string, number>} */
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
  return { total, n, strings, reasons, cols, msgRaw, msgZh, msgEn };
}

/** The ArrayBuffers of a packed slice, to move them to the page. */
export function buffers(/** @type {PackedEvents} */ p) {
  return Object.values(p.cols).map((a) => a.buffer);
}

/** Types and elements counted while the slices arrive (the events table need not walk them all). */
export class EventStats {
  constructor() {
    /** @type {Map<string, number>} */
    this.types = new Map();
    /** @type {Map<string, number>} */
    this.elements = new Map();
  }
}

/**
 * Rebuild the events of a packed slice into `out`; a reason is one shared object
 * per distinct text (reasonCache spans the slices).
 * @param {PackedEvents} p
 * @param {Map<string, Event["reason"]>} reasonCache
 * @param {Event[]} out
 * @param {EventStats} stats
 */
export function unpack(p, reasonCache, out, stats) {
  const S = p.strings;
  const c = p.cols;
  const reasons = p.reasons.map(([raw, zh, en]) => {
    let r = reasonCache.get(raw);
    if (!r) { r = { raw, zh, en }; reasonCache.set(raw, r); }
    return r;
  });
  /** @param {number} k */
  const str = (k) => (k < 0 ? null : S[k]);
  for (let i = 0; i < p.n; i++) {
    /** @type {Event} */
    const e = {
      element: str(c.element[i]), elemType: str(c.elemType[i]), type: str(c.type[i]),
      reason: reasons[c.reason[i]],
      message: { raw: p.msgRaw[i], zh: p.msgZh[i], en: p.msgEn[i] },
      firstTimestamp: Number.isNaN(c.first[i]) ? null : c.first[i],
      lastTimestamp: Number.isNaN(c.last[i]) ? null : c.last[i],
      count: c.count[i], action: str(c.action[i]),
      kind: /** @type {Event["kind"]} */ (str(c.kind[i])), phase: /** @type {Event["phase"]} */ (str(c.phase[i])),
    };
    out.push(e);
    const t = e.type ?? "(none)";
    stats.types.set(t, (stats.types.get(t) || 0) + 1);
    if (e.element != null) stats.elements.set(e.element, (stats.elements.get(e.element) || 0) + 1);
  }
}
