// The page's types, in one place. The core's own types (what the wasm returns)
// come from the package's src/types.d.ts and are re-exported here; the page's
// (its state, its documents, the engine's calls) are declared below. Modules
// take them with a JSDoc import, e.g.
//
//   /** @import { Summary, ViewState } from "../types.js" */
//
// Nothing here is emitted: `make lint` runs `tsc -p www` (checkJs, noEmit).

import type {
  Format, Phase, Summary, Run, FirstFailure, Timeline, Lane, Span, Marker, MarkerKind, Event, Bilingual, Hit,
  Comparison, DecodedObjectData, WorkspaceRun, WorkspaceSummary, SourceRef, Conflict, Change, ProgressPoint,
  Added, Warning, ErrorCode, PhaseCounts, ApiErrorBody, DataComparison, ElementChange, Difference, Options,
  FrameBits, Graph, GraphNode, GraphEdge, GraphPoint, RootCause, PackedEvents,
} from "../../src/types.js";

export type {
  Format, Phase, Summary, Run, FirstFailure, Timeline, Lane, Span, Marker, MarkerKind, Event, Bilingual, Hit,
  Comparison, DecodedObjectData, WorkspaceRun, WorkspaceSummary, SourceRef, Conflict, Change, ProgressPoint,
  Added, Warning, ErrorCode, PhaseCounts, ApiErrorBody, DataComparison, ElementChange, Difference, Options,
  FrameBits, Graph, GraphNode, GraphEdge, GraphPoint, RootCause, PackedEvents,
};

/** A child of dom.js h(): a node, text (never parsed as markup), or a list of them; null, undefined and booleans are skipped. */
export type Child = Node | string | number | boolean | null | undefined | readonly Child[];

// ---- errors ---------------------------------------------------------------------------------

/** One line of an invalid_json excerpt; `caret` is the 1-based column on the bad line. */
export interface ExcerptLine { n: number; text: string; caret: number | null }

/** An error as the page shows it: the core's codes plus the page's own (worker, closed, internal…). */
export interface PageError {
  code: ErrorCode | "worker" | "closed" | "internal" | "unsupported" | "wasm_unavailable" | (string & {});
  message: string;
  line: number | null;
  column: number | null;
  offset: number | null;
  /** invalid_json: the lines around the error. */
  context?: ExcerptLine[] | null;
}

/** What most page-side calls resolve to: a value or an error, never a throw. */
export type Result<T> = { value: T; error?: undefined } | { value?: undefined; error: PageError };

// ---- documents ------------------------------------------------------------------------------

/** A payload read by the engine. Immutable: caches live in data/docs.js, keyed by `id`. */
export interface Doc {
  /** The engine's id of the payload. */
  id: number;
  name: string;
  /** "file:<name>", "sample:<file>" or "paste". */
  source: string;
  size: number;
  /** The detected format (also when the payload could not be read but its format was recognized). */
  format: Format | null;
  summary: Summary | null;
  error: PageError | null;
}

/** A payload's part in a joined run: the core's SourceRef and the open doc it came from. */
export interface JoinSource extends SourceRef { docId: number }

/** A run the core's Workspace joined from two or more open payloads: a tab after the payload tabs. */
export interface Join {
  /** Tab key, "join-<n>": kept while the run stays joined. */
  id: string;
  /** The ids of its payloads, sorted and joined by ","; a closed joined tab stays closed for this key. */
  key: string;
  /** The workspace's run id. */
  runId: string;
  name: string | null;
  phase: Phase;
  sources: JoinSource[];
  /** Status snapshots (polls) joined. */
  snapshots: number;
  /** Bytes of all its payloads. */
  size: number;
}

/** A tab: a payload, or a joined run. */
export type Tab = { key: string; kind: "doc"; doc: Doc } | { key: string; kind: "join"; join: Join };

// ---- the interface's languages (i18n/) -------------------------------------------------------

/** A language of the interface: a catalog in i18n/ (the `lang` of the page). */
export type Locale = "en" | "zh-CN";
/** A message of a catalog: text with {placeholders}, or plural forms (Intl.PluralRules' categories; `other` always). */
export type Message = string | { readonly zero?: string; readonly one?: string; readonly two?: string; readonly few?: string; readonly many?: string; readonly other: string };
/** The key of a message: every key of the English catalog. */
export type MessageKey = keyof typeof import("./i18n/en.js").default;
/** A catalog: a message for every key, no other key (tsc checks each catalog against the English one). */
export type Catalog = { readonly [K in MessageKey]: Message };

// ---- state ----------------------------------------------------------------------------------

export type TimeMode = "utc" | "local" | "rel";
export type Theme = "" | "dark" | "light";
export type Lang = "zh" | "en" | "both";
export type EventSort = "asc" | "desc" | "el" | "el-desc" | "type" | "type-desc" | "count" | "count-asc";
/** What the run panel shows of a run: the timeline, the dependency graph, or both (graph above). */
export type RunShow = "timeline" | "graph" | "both";
/** What is highlighted in the graph and on the timeline: nothing, the root cause and what it took down, the critical path. */
export type Highlight = "" | "root" | "path";
/** ?timeline=…: frames above 20,000 lanes + events (auto), or forced. */
export type TimelineMode = "auto" | "objects" | "frames";

/** What one tab shows: its part of the store, and of the URL hash. */
export interface ViewState {
  /** The selected run (workflow histories); "" = the core's newestRun. */
  run: string;
  /** Phase filter of the lanes and the events; empty = all. Replaced, never mutated. */
  phases: ReadonlySet<Phase>;
  /** Events table filters and sort. */
  type: string;
  el: string;
  q: string;
  sort: EventSort;
  /** The selected lane ("" = none; the details panel is open when set). */
  lane: string;
  /** The timeline's visible range (epoch ms), null = fit. */
  z: [number, number] | null;
  /** The lane name filter (not in the hash). */
  laneText: string;
  /** Compared with: another open doc (and its run for workflow histories). */
  cmp: { docId: number; run: string } | null;
  /** The timeline, the graph or both. */
  show: RunShow;
  /** The highlight in both views. */
  hl: Highlight;
}

/** A sample of samples/index.json (or the single file's data block). */
export interface SampleMeta { file: string; title?: string; format?: Format | ""; description?: string }

/** A recorded polling series of samples/polling/index.json. */
export interface PollingSeries { name: string; title?: string; description?: string; format?: Format; interval?: number; snapshots: string[] }

/** The viewer's one state (app/state.js): every view reads it, the hash is derived from it. */
export interface AppState {
  /** Open payloads, in tab order. */
  docs: readonly Doc[];
  /** Joined runs, tabs after the payloads. */
  joins: readonly Join[];
  /** The active tab's key, null = the welcome screen. */
  active: string | null;
  /** Per tab key. */
  views: Readonly<Record<string, ViewState>>;
  tm: TimeMode;
  theme: Theme;
  /** The language of bilingual payload texts (the events' 中文 / English / both); its default follows `ui`. */
  lang: Lang;
  /** The interface's language (the header's switch, kept in localStorage; else the browser's). */
  ui: Locale;
  /** null while the list is being loaded. */
  samples: readonly SampleMeta[] | null;
}

// ---- the engine's calls (engine/engine.js answers, data/client.js asks) ----------------------

/** A payload handed to the engine: a File/Blob (read there), text, or bytes (moved). */
export type InputArgs = { file: Blob; text?: undefined; bytes?: undefined }
  | { text: string; file?: undefined; bytes?: undefined }
  | { bytes: Uint8Array; file?: undefined; text?: undefined };

/** A large timeline kept in the engine (the core's TimelineView), drawn from frames; `bits`: what a frame's cell bits mean (the core's frameBits()). */
export interface FramesHandle { kind: "frames"; view: number; laneCount: number; visibleCount: number; start: number | null; end: number | null; bits: FrameBits }
/** The engine's answer for a timeline: the whole object when small, else a handle. */
export type TimelineReply = { kind: "objects"; value: Timeline } | FramesHandle;

export type ExportKind = "json" | "csv" | "trace";

/** One frame: a byte per column per visible lane from..to (docs/reference.md#payload-and-timelineview). */
export interface Frame { t0: number; t1: number; columns: number; from: number; to: number; bytes: Uint8Array; ms: number }

/**
 * Every call the page makes to the engine: name → its argument and its result. The engine's
 * `methods` implement exactly these (engine/engine.js); the client (data/client.js) is typed by them.
 */
export interface EngineApi {
  /** Load the core; in a worker, then warm its reading code up unless warm is false (engine/warmup.js). */
  init: { args: { wasm?: Uint8Array; warm?: boolean }; result: string };
  info: { args: Record<string, never>; result: { version: string; has: string[] } };
  open: { args: { id: number; name: string } & InputArgs; result: { size: number; format: Format | null; summary: Summary | null; error: PageError | null } };
  close: { args: { id: number }; result: boolean };
  /** What the engine holds: payloads, views and workspaces open, the open payloads' bytes, the wasm memory, the next handle it gives. */
  memory: { args: Record<string, never>; result: { held: number; docs: number; views: number; spaces: number; openBytes: number; wasmBytes: number; nextHandle: number; warmMs: number } };
  /** Copies of the open payloads' inputs, to read them again in a fresh engine (data/client.js Engine.recycle). */
  inputs: { args: Record<string, never>; result: ({ id: number; name: string } & InputArgs)[] };
  /** Give handles from n on (a fresh engine that takes over an old one's views). */
  handlesFrom: { args: { n: number }; result: number };
  timeline: { args: { id: number; run?: string; mode: TimelineMode }; result: TimelineReply };
  eventsPacked: { args: { id: number; from: number; count: number }; result: PackedEvents };
  raw: { args: { id: number }; result: unknown };
  decode: { args: { text: string }; result: DecodedObjectData };
  exportDoc: { args: { id: number; kind: ExportKind; run?: string }; result: { text: string; ext: string; type: string } };
  compare: { args: { a: number; runA?: string; b: number; runB?: string }; result: Comparison };
  viewFrame: { args: { view: number; t0: number; t1: number; columns: number; from: number; to: number }; result: Frame };
  viewRows: { args: { view: number; from: number; to: number }; result: { from: number; ids: string[]; labels: string[]; phases: Uint8Array } };
  viewHit: { args: { view: number; row: number; t: number; tolerance: number }; result: Hit | null };
  viewLane: { args: { view: number; index: number }; result: Lane | null };
  viewIndexOf: { args: { view: number; id: string }; result: number };
  viewFilter: { args: { view: number; mask: number; text: string }; result: number };
  viewOverview: { args: { view: number; t0: number; t1: number; columns: number }; result: Uint32Array };
  viewFree: { args: { view: number }; result: boolean };
  /** The dependency graph of a run, laid out by the core (Payload.graph). */
  graph: { args: { id: number; run?: string }; result: Graph };
  wsNew: { args: Record<string, never>; result: number };
  wsAdd: { args: ({ ws: number; name: string; doc: number } | ({ ws: number; name: string; doc?: undefined } & InputArgs)); result: Added };
  wsRuns: { args: { ws: number }; result: WorkspaceRun[] };
  wsSummary: { args: { ws: number; run: string }; result: WorkspaceSummary };
  wsTimeline: { args: { ws: number; run: string; mode: TimelineMode; weight: number }; result: TimelineReply };
  wsChanges: { args: { ws: number; run: string; since: number }; result: Change[] };
  /** The joined run's dependency graph (Workspace.graph: edges from the execution's template). */
  wsGraph: { args: { ws: number; run: string }; result: Graph };
  wsFree: { args: { ws: number }; result: boolean };
}

export type Method = keyof EngineApi;
export type Args<M extends Method> = EngineApi[M]["args"];
export type Reply<M extends Method> = EngineApi[M]["result"];

// ---- the timeline's lanes (render/timeline-view.js draws from a LaneSource) ------------------

/** An answer that is there at once (a value) or comes later (a Promise): render/later.js `later()` takes both alike. */
export type Later<T> = T | Promise<T>;

/** What the timeline asks of a lane source to draw rows `from..to` over times `t0..t1` in `columns` pixel columns (0: no time to draw). */
export interface LaneAsk { from: number; to: number; t0: number; t1: number; columns: number }

/** The gutter of rows `from..to` (ids, labels, phases of the visible lanes, in order). */
export interface LaneRows { ids: string[]; labels: string[]; phases: Phase[] }

/**
 * What a lane source gives to draw rows `from..to`: the lanes themselves (drawn
 * span by span), or the cells of a frame (one byte per pixel column, `bits` say
 * what they mean) with the rows' labels. It is good for times `t0..t1`, at
 * `perColumn` ms per column (0: at any zoom).
 */
export type LaneWindow = { from: number; to: number; t0: number; t1: number; perColumn: number; ms: number } & (
  | { kind: "lanes"; lanes: readonly Lane[] }
  | { kind: "cells"; rows: LaneRows; frame: Frame | null; bits: FrameBits });

/** Per phase, per pixel column of the overview: how much is running there. */
export type PhaseColumns = Record<Phase, ArrayLike<number>>;

/**
 * Where the timeline's lanes come from (render/timeline-view.js draws any of
 * them the same way): `ObjectLanes` (render/lanes-objects.js: a timeline held in
 * the page, every answer at once) or `FrameLanes` (render/lanes-frames.js: the
 * core's TimelineView kept in the engine, every answer a call to it). Rows are
 * the lanes the filter keeps, in order; row numbers change with the filter.
 */
export interface LaneSource {
  readonly kind: "objects" | "frames";
  /** The run's start and end (dashed lines), or null. */
  readonly start: number | null;
  readonly end: number | null;
  /** Earliest and latest time of anything drawn, or null when nothing has a time. */
  readonly range: { min: number; max: number } | null;
  /** Where an open span is drawn up to. */
  readonly openEnd: number;
  /** All lanes. */
  readonly total: number;
  /** Lanes the filter keeps (after the last filter answered). */
  readonly count: number;
  /** Keep the lanes of these phases (empty: all) whose id, label, type, reason or message contains `text` (ASCII case-insensitive, as the core's TimelineView filters): the visible count. */
  filter(phases: ReadonlySet<Phase>, text: string): Later<number>;
  /** What to draw rows ask.from..ask.to (the answer may cover more). */
  window(ask: LaneAsk): Later<LaneWindow>;
  /** The lane of a row, or null. */
  lane(row: number): Later<Lane | null>;
  /** The lane with this id and its row (-1: filtered out), or null (ObjectLanes finds filtered-out lanes, FrameLanes visible ones only). */
  find(id: string): Later<{ lane: Lane; row: number } | null>;
  /** The span (the latest covering t ± tolerance) and the nearest marker within tolerance in a row: the core's TimelineView.hit rule. */
  hit(row: number, t: number, tolerance: number): Later<Hit | null>;
  /** Per phase and column of t0..t1, how many visible spans (lanes, for frames) run there. */
  overview(t0: number, t1: number, columns: number): Later<PhaseColumns>;
}

/** The single file's data block (`<script type="application/json" id="execscope-inline">`, scripts/build-dist.mjs). */
export interface InlineData {
  /** The wasm, base64. */
  wasm?: string;
  /** The worker bundle (classic script), started from a Blob URL. */
  worker?: string;
  samplesIndex?: SampleMeta[];
  samples?: Record<string, string>;
  pollingIndex?: PollingSeries[];
  polling?: Record<string, string>;
}

// ---- what a view receives --------------------------------------------------------------------

import type { Store } from "./app/store.js";
import type { Engine } from "./data/client.js";
import type { Docs } from "./data/docs.js";
import type { Joins } from "./app/joins.js";
import type { Shell } from "./app/shell.js";

/**
 * Everything a tab's view may use: it reads and changes the state only through
 * `store`, asks the engine through `docs` (payloads) and `joins` (the workspace),
 * and shows notes through `shell`. No view reads a module's globals.
 */
export interface ViewContext {
  store: Store<AppState>;
  engine: Engine;
  docs: Docs;
  joins: Joins;
  shell: Shell;
  /** ?timeline=frames|objects, else auto. */
  tlMode: TimelineMode;
  actions: { activate(key: string): void; close(key: string): void };
}

// ---- the polling replay ------------------------------------------------------------------------

/** What a replay shows after some polls: the workspace's merged run. */
export interface ReplaySnapshot {
  summary: WorkspaceSummary | null;
  error: PageError | null;
  /** The merged timeline (objects). */
  tl: Timeline | null;
  changes: Change[];
}

/** The replay's one state (replay.js): the hash is derived from it. */
export interface ReplayState {
  list: readonly PollingSeries[];
  series: PollingSeries | null;
  /** Snapshots added so far. */
  added: number;
  /** The poll interval, ms. */
  every: number;
  playing: boolean;
  /** When the next poll is due (performance.now()), 0 when not playing. */
  due: number;
  /** The clock of the countdown (performance.now()), ticking while playing. */
  now: number;
  snap: ReplaySnapshot | null;
  tm: TimeMode;
  theme: Theme;
  /** The interface's language. */
  ui: Locale;
  /** The timeline's visible range, kept from poll to poll. */
  z: [number, number] | null;
  /** The selected lane, kept from poll to poll. */
  lane: string;
}
