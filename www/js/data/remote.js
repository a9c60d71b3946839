// @ts-check
// What the engine keeps and the page holds a handle to: a RemoteView (the core's
// TimelineView of a large timeline, drawn from frames) and a Space (the core's
// Workspace: payloads of one run joined). Every method is a call to the engine.
/** @import { Engine } from "./client.js" */
/** @import { Doc, FramesHandle, TimelineMode, TimelineReply, Timeline, InputArgs, Result } from "../types.js" */

/** What the page holds of a timeline: the objects, or a view kept in the engine and drawn from frames. */
/** @typedef {{kind: "objects", value: Timeline} | {kind: "frames", view: RemoteView}} TimelineData */

/**
 * The engine arguments for an input (File, string or bytes), and what may be moved to the worker.
 * @param {Blob | string | Uint8Array} input
 * @returns {{args: InputArgs, transfer: Transferable[]}}
 */
export function inputArgs(input) {
  if (typeof input === "string") return { args: { text: input }, transfer: [] };
  if (!(input instanceof Uint8Array)) return { args: { file: input }, transfer: [] };
  const whole = input.byteOffset === 0 && input.byteLength === input.buffer.byteLength;
  return { args: { bytes: input }, transfer: whole ? [input.buffer] : [] };
}

/** Size of an input in bytes (a string: its UTF-16 length, as shown before it is read). @param {Blob | string | Uint8Array} input */
export function inputSize(input) {
  if (typeof input === "string") return input.length;
  return input instanceof Uint8Array ? input.byteLength : input.size;
}

/** A timeline reply as the page holds it (a frames handle becomes a RemoteView). @param {Engine} engine */
export function wrapTimeline(engine, /** @type {Result<TimelineReply>} */ r) {
  /** @type {Result<TimelineData>} */
  const out = r.error ? { error: r.error } : r.value.kind === "frames" ? { value: { kind: "frames", view: new RemoteView(engine, r.value) } } : { value: r.value };
  return out;
}


/**
 * A timeline kept in the engine (the core's TimelineView), drawn from frames:
 * every method is a call to the engine and resolves later.
 */
export class RemoteView {
  /** @param {Engine} engine @param {FramesHandle} r */
  constructor(engine, r) {
    this.engine = engine;
    this.handle = r.view;
    this.laneCount = r.laneCount;
    this.visibleCount = r.visibleCount;
    this.start = r.start;
    this.end = r.end;
    /** What a frame's cell bits mean (the core's frameBits()). */
    this.bits = r.bits;
    this.freed = false;
  }

  /** {t0, t1, columns, from, to, bytes: Uint8Array} (docs/reference.md#payload-and-timelineview). @param {number} t0 @param {number} t1 @param {number} columns @param {number} from @param {number} to */
  frame(t0, t1, columns, from, to) { return this.engine.call("viewFrame", { view: this.handle, t0, t1, columns, from, to }); }
  /** {from, ids: string[], labels: string[], phases: Uint8Array} of visible lanes from..to. @param {number} from @param {number} to */
  rows(from, to) { return this.engine.call("viewRows", { view: this.handle, from, to }); }
  /** {lane, span, marker} or null. @param {number} row @param {number} t @param {number} tolerance */
  hit(row, t, tolerance) { return this.engine.call("viewHit", { view: this.handle, row, t, tolerance }); }
  /** @param {number} index */
  lane(index) { return this.engine.call("viewLane", { view: this.handle, index }); }
  /** @param {string} id */
  indexOf(id) { return this.engine.call("viewIndexOf", { view: this.handle, id }); }
  /** @param {number} mask @param {string} text */
  async filter(mask, text) { this.visibleCount = await this.engine.call("viewFilter", { view: this.handle, mask, text: text || "" }); return this.visibleCount; }
  /** Uint32Array(7 × columns): per phase and column, lanes with a span there. @param {number} t0 @param {number} t1 @param {number} columns */
  overview(t0, t1, columns) { return this.engine.call("viewOverview", { view: this.handle, t0, t1, columns }); }
  free() { if (this.freed) return; this.freed = true; this.engine.call("viewFree", { view: this.handle }).catch(() => {}); }
}

/**
 * The core's Workspace (payloads of one run joined), kept in the engine.
 * Every method resolves to {value} or {error}.
 */
export class Space {
  /** @param {Engine} engine */
  static async create(engine) {
    return new Space(engine, await engine.call("wsNew", {}));
  }

  /** @param {Engine} engine @param {number} handle */
  constructor(engine, handle) { this.engine = engine; this.handle = handle; }

  /** Add an open doc (by id: nothing is copied). The core's Added. @param {Doc} doc @param {string} name */
  addDoc(doc, name) {
    return this.engine.result("wsAdd", { ws: this.handle, doc: doc.id, name });
  }

  /** Add bytes or text (moved to the engine). @param {Blob | string | Uint8Array} input @param {string} name */
  addInput(input, name) {
    const { args, transfer } = inputArgs(input);
    return this.engine.result("wsAdd", { ws: this.handle, name, ...args }, transfer);
  }

  runs() { return this.engine.result("wsRuns", { ws: this.handle }); }
  /** @param {string} run */
  summary(run) { return this.engine.result("wsSummary", { ws: this.handle, run }); }
  /** @param {string} run @param {number} [since] */
  changes(run, since) { return this.engine.result("wsChanges", { ws: this.handle, run, since: since || 0 }); }
  /** The joined run's dependency graph. @param {string} run */
  graph(run) { return this.engine.result("wsGraph", { ws: this.handle, run }); }

  /** Like Docs.timeline: objects when small (weight = lanes + events), else a RemoteView. @param {string} run @param {TimelineMode} mode @param {number} [weight] */
  async timeline(run, mode, weight) {
    return wrapTimeline(this.engine, await this.engine.result("wsTimeline", { ws: this.handle, run, mode: mode || "auto", weight: weight || 0 }));
  }

  /** Free the workspace; then the engine may give its memory back (Engine.recycle). */
  async free() {
    const r = await this.engine.result("wsFree", { ws: this.handle });
    this.engine.recycle();
    return r;
  }
}
