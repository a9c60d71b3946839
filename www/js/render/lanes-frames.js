// @ts-check
// A lane source over the core's TimelineView kept in the engine (a large run):
// every answer is a call to the engine and comes later. A window is one frame
// (one byte per pixel column per lane, docs/reference.md#payload-and-timelineview)
// and the rows' labels, which are kept per block of 128 rows until the filter
// changes, so zooming asks for the frame only.
/** @import { LaneSource, Lane, Phase, LaneAsk, LaneWindow, LaneRows, Hit, PhaseColumns, FrameBits } from "../types.js" */
/** @import { RemoteView } from "../data/remote.js" */

/** Rows per labels request. */
const BLOCK = 128;
/** Blocks kept (beyond, the oldest go). */
const MAX_BLOCKS = 400;

/** @implements {LaneSource} */
export class FrameLanes {
  /** @param {RemoteView} remote */
  constructor(remote) {
    this.kind = /** @type {const} */ ("frames");
    this.remote = remote;
    /** What a cell's bits mean (the core's frameBits()). @type {FrameBits} */
    this.bits = remote.bits;
    this.start = remote.start;
    this.end = remote.end;
    this.range = remote.start != null && remote.end != null ? { min: remote.start, max: Math.max(remote.end, remote.start) } : null;
    this.openEnd = this.range ? this.range.max : 1;
    this.total = remote.laneCount;
    this.count = remote.visibleCount;
    /** Labels of the current filter, per block. @type {Map<number, Promise<LaneRows>>} */
    this.blocks = new Map();
  }

  /** @param {ReadonlySet<Phase>} phases @param {string} text */
  async filter(phases, text) {
    // The core's phase mask: 1 << the phase's index (all when none is picked).
    let mask = 0;
    this.bits.phases.forEach((p, i) => { if (!phases.size || phases.has(p)) mask |= 1 << i; });
    const n = await this.remote.filter(mask, text);
    this.count = n;
    this.blocks.clear();
    return n;
  }

  /** The labels of block b. @param {number} b */
  block(b) {
    let rows = this.blocks.get(b);
    if (!rows) {
      rows = this.remote.rows(b * BLOCK, (b + 1) * BLOCK).then((r) => ({
        ids: r.ids, labels: r.labels, phases: Array.from(r.phases, (i) => this.bits.phases[i] ?? "Unknown"),
      }));
      rows.catch(() => this.blocks.delete(b));
      this.blocks.set(b, rows);
      if (this.blocks.size > MAX_BLOCKS) {
        for (const k of this.blocks.keys()) { if (this.blocks.size <= MAX_BLOCKS / 2) break; if (k !== b) this.blocks.delete(k); }
      }
    }
    return rows;
  }

  /** A frame of rows ask.from..ask.to (none without columns) and their labels. @param {LaneAsk} ask @returns {Promise<LaneWindow>} */
  async window(ask) {
    const from = Math.max(0, ask.from), to = Math.min(this.count, ask.to);
    /** @type {Promise<LaneRows>[]} */
    const wanted = [];
    for (let b = Math.floor(from / BLOCK); b * BLOCK < to; b++) wanted.push(this.block(b));
    const [frame, blocks] = await Promise.all([
      ask.columns > 0 && to > from ? this.remote.frame(ask.t0, ask.t1, ask.columns, from, to) : null,
      Promise.all(wanted),
    ]);
    const first = Math.floor(from / BLOCK) * BLOCK;
    /** @type {LaneRows} */
    const rows = { ids: [], labels: [], phases: [] };
    for (const r of blocks) { rows.ids.push(...r.ids); rows.labels.push(...r.labels); rows.phases.push(...r.phases); }
    const skip = from - first, end = (frame ? frame.to : to) - first;
    const cut = { ids: rows.ids.slice(skip, end), labels: rows.labels.slice(skip, end), phases: rows.phases.slice(skip, end) };
    return frame
      ? { kind: "cells", from, to: frame.to, t0: frame.t0, t1: frame.t1, perColumn: (frame.t1 - frame.t0) / frame.columns, ms: frame.ms, rows: cut, frame, bits: this.bits }
      : { kind: "cells", from, to, t0: -Infinity, t1: Infinity, perColumn: 0, ms: 0, rows: cut, frame: null, bits: this.bits };
  }

  /** @param {number} row @returns {Promise<Lane | null>} */
  lane(row) { return this.remote.lane(row); }

  /** The lane with this id among the visible ones. @param {string} id */
  async find(id) {
    const row = await this.remote.indexOf(id);
    if (row < 0) return null;
    const lane = await this.remote.lane(row);
    return lane ? { lane, row } : null;
  }

  /** @param {number} row @param {number} t @param {number} tolerance @returns {Promise<Hit | null>} */
  hit(row, t, tolerance) { return this.remote.hit(row, t, tolerance); }

  /** Per phase and column, the visible lanes with a span there (the engine counts a sample of them from frames). @param {number} t0 @param {number} t1 @param {number} columns */
  async overview(t0, t1, columns) {
    const counts = await this.remote.overview(t0, t1, columns);
    const cols = /** @type {Record<Phase, Uint32Array>} */ ({});
    this.bits.phases.forEach((p, i) => { cols[p] = counts.subarray(i * columns, (i + 1) * columns); });
    /** @type {PhaseColumns} */
    const out = cols;
    return out;
  }
}
