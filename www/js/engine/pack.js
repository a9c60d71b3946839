// @ts-check
// Events packed for a cheap hand-over from the engine to the page: numbers in
// typed arrays (moved, not copied), repeated texts (element, type, reason…) once
// per slice in a string table, messages as three string arrays. The core packs
// them (Payload.eventsPacked, src/packed.rs; PackedEvents in the package's
// types.d.ts), unpack() rebuilds the events on the page.

/** @import { Event, PackedEvents } from "../types.js" */

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
