// @ts-check
// Events packed for a cheap hand-over from the engine to the page: numbers and
// text indices in typed arrays (moved, not copied), the slice's texts in one
// string cut by their UTF-16 offsets (short texts once, a message's halves as
// parts of it). The core
// packs them (Payload.eventsPacked, src/packed.rs; PackedEvents in the
// package's types.d.ts), unpack() rebuilds the events on the page.

/** @import { Event, PackedEvents } from "../types.js" */

/** The ArrayBuffers of a packed slice, to move them to the page. */
export function buffers(/** @type {PackedEvents} */ p) {
  return [...Object.values(p.cols).map((a) => a.buffer), p.starts.buffer, p.ends.buffer, p.reasons.buffer];
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
  const c = p.cols;
  const { text, starts, ends } = p;
  /** @type {string[]} */
  const T = new Array(ends.length);
  for (let k = 0; k < ends.length; k++) T[k] = text.slice(starts[k], ends[k]);
  /** @param {number} k */
  const str = (k) => (k < 0 ? null : T[k]);
  /** @type {Event["reason"][]} */
  const reasons = [];
  for (let r = 0; r < p.reasons.length; r += 3) {
    const raw = T[p.reasons[r]];
    let b = reasonCache.get(raw);
    if (!b) { b = { raw, zh: str(p.reasons[r + 1]), en: str(p.reasons[r + 2]) }; reasonCache.set(raw, b); }
    reasons.push(b);
  }
  for (let i = 0; i < p.n; i++) {
    /** @type {Event} */
    const e = {
      element: str(c.element[i]), elemType: str(c.elemType[i]), type: str(c.type[i]),
      reason: reasons[c.reason[i]],
      message: { raw: T[c.msgRaw[i]], zh: str(c.msgZh[i]), en: str(c.msgEn[i]) },
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
