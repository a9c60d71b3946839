// @ts-check
// Events packed for a cheap hand-over from the engine to the page: numbers and
// text indices in typed arrays (moved, not copied), the slice's texts in one
// string cut by their UTF-16 offsets (short texts once, a message's halves as
// parts of it). The core packs them (Payload.eventsPacked, src/packed.rs;
// PackedEvents in the package's types.d.ts). On the page an EventList keeps the
// slices as they came: the columns the table filters and sorts by (element,
// type, phase, times, count) are gathered into whole-list typed arrays as the
// slices arrive, and an event object is made only when a row shows it (or a
// search reads its texts), so opening 200,000 events makes no 200,000 objects.

/** @import { Event, PackedEvents } from "../types.js" */

/** The ArrayBuffers of a packed slice, to move them to the page. */
export function buffers(/** @type {PackedEvents} */ p) {
  return [...Object.values(p.cols).map((a) => a.buffer), p.starts.buffer, p.ends.buffer, p.reasons.buffer];
}

/** @typedef {{p: PackedEvents, from: number, texts: (string | undefined)[]}} Slice */

/** An event list, filled slice by slice (add), read by index. */
export class EventList {
  constructor() {
    /** Events added so far. */
    this.length = 0;
    /** @type {Slice[]} */
    this.slices = [];
    /** The short texts (element, its type, event type, action, kind, phase), each once; the columns index them (−1: none). @type {string[]} */
    this.strings = [];
    /** @type {Map<string, number>} */
    this.ids = new Map();
    this.element = new Int32Array(0);
    this.type = new Int32Array(0);
    this.phase = new Int32Array(0);
    this.first = new Float64Array(0);
    this.count = new Float64Array(0);
    /** Events made so far, by index. @type {(Event | undefined)[]} */
    this.made = [];
    /** Which slice each event is in. @type {Uint32Array} */
    this.sliceOf = new Uint32Array(0);
  }

  /** Room for `total` events (the list's length, known from the first slice). @param {number} total */
  reserve(total) {
    if (total <= this.element.length) return;
    /** @template {Int32Array | Float64Array | Uint32Array} T @param {T} a @returns {T} */
    const grow = (a) => { const b = /** @type {T} */ (new /** @type {any} */ (a.constructor)(total)); b.set(/** @type {any} */ (a)); return b; };
    this.element = grow(this.element); this.type = grow(this.type); this.phase = grow(this.phase);
    this.first = grow(this.first); this.count = grow(this.count); this.sliceOf = grow(this.sliceOf);
  }

  /** Text k of a slice (cut once). @param {Slice} s @param {number} k @returns {string | null} */
  text(s, k) {
    if (k < 0) return null;
    let t = s.texts[k];
    if (t === undefined) t = s.texts[k] = s.p.text.slice(s.p.starts[k], s.p.ends[k]);
    return t;
  }

  /** A short text's id in `strings`. @param {Slice} s @param {Int32Array} map @param {number} k */
  id(s, map, k) {
    if (k < 0) return -1;
    let id = map[k];
    if (id < 0) {
      const t = /** @type {string} */ (this.text(s, k));
      id = this.ids.get(t) ?? -1;
      if (id < 0) { id = this.strings.length; this.strings.push(t); this.ids.set(t, id); }
      map[k] = id;
    }
    return id;
  }

  /** Append a packed slice (the next one). @param {PackedEvents} p */
  add(p) {
    this.reserve(Math.max(p.total, this.length + p.n));
    /** @type {Slice} */
    const s = { p, from: this.length, texts: new Array(p.ends.length) };
    const si = this.slices.length;
    this.slices.push(s);
    const map = new Int32Array(p.ends.length).fill(-1);
    const c = p.cols;
    for (let i = 0, g = this.length; i < p.n; i++, g++) {
      this.element[g] = this.id(s, map, c.element[i]);
      this.type[g] = this.id(s, map, c.type[i]);
      this.phase[g] = this.id(s, map, c.phase[i]);
      this.first[g] = c.first[i];
      this.count[g] = c.count[i];
      this.sliceOf[g] = si;
    }
    this.length += p.n;
  }

  /** A short text by id. @param {number} id @returns {string | null} */
  str(id) { return id < 0 ? null : this.strings[id]; }

  /** Event i's element (null: none). @param {number} i */
  elementOf(i) { return this.str(this.element[i]); }
  /** Event i's type (null: none). @param {number} i */
  typeOf(i) { return this.str(this.type[i]); }
  /** Event i's phase. @param {number} i */
  phaseOf(i) { return /** @type {Event["phase"]} */ (this.str(this.phase[i])); }
  /** Event i's firstTimestamp (null: none). @param {number} i */
  firstOf(i) { const t = this.first[i]; return Number.isNaN(t) ? null : t; }

  /** Event i, made on first use. @param {number} i @returns {Event} */
  at(i) {
    let e = this.made[i];
    if (e) return e;
    const s = this.slices[this.sliceOf[i]];
    const k = i - s.from;
    const c = s.p.cols;
    const r = 3 * c.reason[k];
    const rs = s.p.reasons;
    e = {
      element: this.elementOf(i), elemType: this.text(s, c.elemType[k]), type: this.typeOf(i),
      reason: { raw: /** @type {string} */ (this.text(s, rs[r])), zh: this.text(s, rs[r + 1]), en: this.text(s, rs[r + 2]) },
      message: { raw: /** @type {string} */ (this.text(s, c.msgRaw[k])), zh: this.text(s, c.msgZh[k]), en: this.text(s, c.msgEn[k]) },
      firstTimestamp: this.firstOf(i),
      lastTimestamp: Number.isNaN(c.last[k]) ? null : c.last[k],
      count: c.count[k], action: this.text(s, c.action[k]),
      kind: /** @type {Event["kind"]} */ (this.text(s, c.kind[k])), phase: this.phaseOf(i),
    };
    this.made[i] = e;
    return e;
  }

  /** How many events each value of a column has (by its text; null counted as `none`). @param {Int32Array} col @param {string} none */
  counts(col, none) {
    const n = new Int32Array(this.strings.length + 1);
    for (let i = 0; i < this.length; i++) n[col[i] + 1]++;
    /** @type {Map<string, number>} */
    const out = new Map();
    if (n[0]) out.set(none, n[0]);
    for (let id = 0; id < this.strings.length; id++) if (n[id + 1]) out.set(this.strings[id], n[id + 1]);
    return out;
  }

  /** Events per type ("(none)" for none). */
  typeCounts() { return this.counts(this.type, "(none)"); }

  /** Events per element (those without one left out). */
  elementCounts() { const m = this.counts(this.element, ""); m.delete(""); return m; }

  /** The events of one element, made. @param {string} element @returns {Event[]} */
  ofElement(element) {
    const id = this.ids.get(element);
    /** @type {Event[]} */
    const out = [];
    if (id === undefined) return out;
    for (let i = 0; i < this.length; i++) if (this.element[i] === id) out.push(this.at(i));
    return out;
  }
}
