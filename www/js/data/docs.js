// @ts-check
// The document cache: payloads opened in the engine (a Doc each, immutable) and,
// per doc id, what has been asked of it since — its timelines, its events, its
// raw tree — so that each is read once. Nothing here is put on the Doc objects.
import { EventList } from "../engine/pack.js";
import { normError } from "../engine/engine.js";
import { inputArgs, inputSize, wrapTimeline } from "./remote.js";

/** @import { Engine } from "./client.js" */
/** @import { Doc, ExportKind, PageError, Result, TimelineMode, Comparison, Graph } from "../types.js" */

/** @import { TimelineData } from "./remote.js" */
/** @typedef {{value: EventList, error?: undefined} | {error: PageError, value?: undefined}} EventsResult */

const EVENTS_SLICE = 10000;

/** What an older build of the core without graph() gives. @returns {Result<Graph>} */
export function noGraph() {
  return { error: { code: "unsupported", message: "this build of the core has no graph", line: null, column: null, offset: null } };
}

export class Docs {
  /** @param {Engine} engine */
  constructor(engine) {
    this.engine = engine;
    this.seq = 0;
    /** @type {Map<number, {timelines: Map<string, Promise<Result<TimelineData>>>, graphs: Map<string, Promise<Result<Graph>>>, events: Promise<EventsResult> | null, raw: Promise<Result<unknown>> | null}>} */
    this.cache = new Map();
  }

  /** @param {Doc} doc */
  entry(doc) {
    let c = this.cache.get(doc.id);
    if (!c) { c = { timelines: new Map(), graphs: new Map(), events: null, raw: null }; this.cache.set(doc.id, c); }
    return c;
  }

  /**
   * Read one payload (a File, a string or bytes; bytes are moved to the engine).
   * @param {string} name @param {Blob | string | Uint8Array} input @param {string} source
   * @returns {Promise<Doc>}
   */
  async open(name, input, source) {
    const id = ++this.seq;
    /** @type {Doc} */
    let doc = { id, name, source: source || "", size: inputSize(input), format: null, summary: null, error: null };
    const { args, transfer } = inputArgs(input);
    try {
      const r = await this.engine.call("open", { id, name, ...args }, transfer);
      doc = { ...doc, size: r.size, format: r.format, summary: r.summary, error: r.error };
    } catch (e) {
      doc = { ...doc, error: normError(e) };
    }
    return Object.freeze(doc);
  }

  /**
   * The timeline of a run, cached per run and mode. mode: auto | objects | frames.
   * @param {Doc} doc @param {string | undefined} runId @param {TimelineMode} mode
   */
  timeline(doc, runId, mode) {
    const c = this.entry(doc);
    const key = (runId || "") + "|" + mode;
    let t = c.timelines.get(key);
    if (!t) {
      t = this.engine.result("timeline", { id: doc.id, run: runId || undefined, mode }).then((r) => wrapTimeline(this.engine, r));
      c.timelines.set(key, t);
    }
    return t;
  }

  /**
   * The dependency graph of a run (laid out in the engine), cached per run.
   * @param {Doc} doc @param {string | undefined} runId @returns {Promise<Result<Graph>>}
   */
  graph(doc, runId) {
    const c = this.entry(doc);
    const key = runId || "";
    let g = c.graphs.get(key);
    if (!g) {
      g = this.engine.has("graph") ? this.engine.result("graph", { id: doc.id, run: runId || undefined }) : Promise.resolve(noGraph());
      c.graphs.set(key, g);
    }
    return g;
  }

  /**
   * The doc's events ([] for formats other than event lists), fetched in packed
   * slices so that no single hand-over blocks the page. onProgress(done, total).
   * @param {Doc} doc @param {((done: number, total: number) => void) | null} [onProgress]
   * @returns {Promise<EventsResult>}
   */
  events(doc, onProgress) {
    const c = this.entry(doc);
    if (!c.events) {
      c.events = (async () => {
        try {
          const out = new EventList();
          /** @param {number} from */
          const slice = (from) => {
            const p = this.engine.call("eventsPacked", { id: doc.id, from, count: EVENTS_SLICE });
            p.catch(() => {}); // awaited below; a slice asked ahead and never awaited must not be an unhandled rejection
            return p;
          };
          // One slice ahead: the engine packs the next while this one is added here.
          let next = slice(0);
          for (let from = 0; ; from += EVENTS_SLICE) {
            const p = await next;
            const more = p.n > 0 && from + p.n < p.total;
            if (more) next = slice(from + EVENTS_SLICE);
            if (onProgress && from) onProgress(from, p.total);
            out.add(p);
            if (!more) break;
          }
          return { value: out };
        } catch (e) {
          return { error: normError(e) };
        }
      })();
    }
    return c.events;
  }

  /** The whole payload as a JS value (for the raw tree). @param {Doc} doc */
  raw(doc) {
    const c = this.entry(doc);
    if (!c.raw) c.raw = this.engine.result("raw", { id: doc.id });
    return c.raw;
  }

  /** decodeObjectData(text). @param {string} text */
  decode(text) {
    return this.engine.result("decode", { text });
  }

  /** @param {Doc} doc @param {ExportKind} kind @param {string} [runId] */
  exportDoc(doc, kind, runId) {
    return this.engine.result("exportDoc", { id: doc.id, kind, run: runId || undefined });
  }

  /**
   * compare(a, b): run runA of doc a against run runB of doc b.
   * @param {Doc} a @param {string | undefined} runA @param {Doc} b @param {string | undefined} runB
   * @returns {Promise<Result<Comparison>>}
   */
  compare(a, runA, b, runB) {
    if (!this.engine.has("compare")) return Promise.resolve({ error: { code: "unsupported", message: "this build of the core has no compare", line: null, column: null, offset: null } });
    return this.engine.result("compare", { a: a.id, runA: runA || undefined, b: b.id, runB: runB || undefined });
  }

  /** Forget a closed doc (here and in the engine: its bytes and timeline views). @param {Doc} doc */
  dispose(doc) {
    this.cache.delete(doc.id);
    this.engine.call("close", { id: doc.id }).then(() => this.engine.recycle(), () => {});
  }
}
