/** The payload formats execscope reads. */
export type Format =
  | "aos-execution"
  | "gcs-execution"
  | "execution-events"
  | "workflow-executions"
  | "rfs-stack-events"
  | "api-error";

/** The normalized phase set every format maps to. */
export type Phase =
  | "Pending"
  | "Running"
  | "Succeeded"
  | "Failed"
  | "Cancelled"
  | "Skipped"
  | "Unknown";

/** Stable codes of the errors thrown by every function. */
export type ErrorCode =
  | "invalid_json"
  | "unknown_format"
  | "too_large"
  | "too_deep"
  | "invalid_base64"
  | "invalid_option"
  | "unknown_run";

/** Stable codes of the warnings returned in `Summary.warnings`. */
export type WarningCode =
  | "trailing_comma"
  | "bom"
  | "epoch_seconds"
  | "unknown_phase"
  | "wrong_type"
  | "invalid_value"
  | "invalid_time"
  | "end_before_begin"
  | "empty_payload"
  | "mixed_runs"
  | "too_many_warnings"
  /** `graph`: dependencies that form a cycle; the message names its elements (still laid out). */
  | "dependency_cycle"
  /** `graph`: a requirement or reference to an element that does not exist; `path` says where in the template. */
  | "unknown_dependency"
  /** `graph`: spec.objectData holds no readable template (not base64, not JSON or YAML, over a YAML limit, or without node_templates / workflow): no edges. */
  | "invalid_template";

/** Options accepted by `summarize`, `timeline`, `events`, `detect` and `rawJson`. All fields are optional. */
export interface Options {
  /** Skip detection and read the input as this format. */
  format?: Format;
  /** Reject what the lenient reader repairs (trailing commas, a BOM) as `invalid_json`. Default false. */
  strict?: boolean;
  /** Input-size cap in bytes, checked before anything is copied. Default 536870912 (512 MiB). */
  maxBytes?: number;
  /** `timeline` of a workflow history: the execution_id of the run to draw. Default: the newest run. */
  run?: string;
}

/** Something the reader repaired or dropped; the rest of the payload still summarized. */
export interface Warning {
  code: WarningCode;
  /** Lowercase sentence: what was expected, what was found. */
  message: string;
  /**
   * JSONPath-like location in the payload, e.g. `$.status.progress`, `$[3].end_time`. `$` for the whole input.
   * Inside a decoded spec.objectData the path goes on as if the template were written in place:
   * `$.spec.objectData.node_templates['shop-api'].requirements[0].database.node`.
   */
  path: string;
}

export interface Progress {
  /** The payload's own progress figure (0–100), or null when absent or invalid. */
  reported: number | null;
  /** floor(100 × done / total), or null when the run has no elements. */
  derived: number | null;
  /** Elements in phase Succeeded. */
  done: number;
  /** Elements in all. */
  total: number;
}

/** Element counts per phase; all seven keys are always present. */
export type PhaseCounts = Record<Phase, number>;

export interface FirstFailure {
  /** The element (sub-object, node, elemId) that failed first. */
  element: string;
  reason: string | null;
  message: string | null;
  /** `reason` split into its Chinese and English halves (the rule `Event.reason` follows), or null when `reason` is. */
  reasonBi: Bilingual | null;
  /** `message` split likewise, or null. */
  messageBi: Bilingual | null;
  /** Epoch milliseconds (UTC) of the failure, or null when the payload has no time for it. */
  at: number | null;
}

/** One run: an execution, an event list's execution, or one run of a workflow history. */
export interface Run {
  id: string;
  name: string | null;
  action: string | null;
  phase: Phase;
  /** The payload's own phase text before normalization, or null when the phase was derived. */
  rawPhase: string | null;
  /** The run's own reason (objectStatus.reason), or null. */
  reason: string | null;
  /** The run's own message (objectStatus.message), or null. */
  message: string | null;
  /** `reason` split into its Chinese and English halves (the rule `Event.reason` follows), or null when `reason` is. */
  reasonBi: Bilingual | null;
  /** `message` split likewise, or null. */
  messageBi: Bilingual | null;
  progress: Progress;
  phases: PhaseCounts;
  /** Epoch milliseconds UTC, or null. */
  startedAt: number | null;
  /** Epoch milliseconds UTC once the phase is terminal; null while running. */
  finishedAt: number | null;
  /** finishedAt − startedAt, or null. */
  durationMs: number | null;
  /** Last time the payload says the run changed (epoch ms), or null. */
  updatedAt: number | null;
  /** spec.timeoutInMinutes, or null. */
  timeoutMinutes: number | null;
  /** True when the run took (or, still running at updatedAt, has taken) longer than its timeout. Null without a timeout or a start. */
  timedOut: boolean | null;
  firstFailure: FirstFailure | null;
  /** Who started it (workflow histories), or null. */
  createdBy: string | null;
  /** Number of events read for this run (execution-events), else 0. */
  eventCount: number;
  /** Number of elements (sub-objects, nodes, event elements). */
  elementCount: number;
  /** spec.objectData exactly as in the payload (base64, or "*****" when redacted), or null. Decode with `decodeObjectData`. */
  objectData: string | null;
  /** spec.changedObjectData as in the payload, or null. */
  changedObjectData: string | null;
  /**
   * The keys a `Workspace` joins this run on (AOS metadata.name and uid; GCS execution guid and name,
   * object name and uid; the events' involvedObject.name; a workflow run's execution_id; else the id),
   * each once. Runs of two payloads that share a key are joined into one run.
   */
  joinKeys: string[];
}

export interface ApiErrorBody {
  httpCode: number | null;
  code: string | null;
  message: string | null;
}

/** What `summarize` returns. */
export interface Summary {
  kind: Format;
  /** One run for an execution, an event list or RFS events; a workflow history's runs newest first (by begin time; runs without one last, in payload order). */
  runs: Run[];
  /**
   * The id of the run `timeline`, `TimelineView` and `compare` use when no `options.run` names one:
   * the first run (a workflow history's newest). Null when there is no run.
   */
  newestRun: string | null;
  apiError: ApiErrorBody | null;
  warnings: Warning[];
}

export interface Span {
  /** Epoch milliseconds UTC. */
  start: number;
  /**
   * Where the start came from. "dependencies": the payload has no start, so it is the latest end among
   * the element's dependencies that ended no later than the element itself (never before the run start) —
   * set for a single payload too.
   * In a Workspace every span has one: "status", "events", "snapshot", "dependencies" or "inferred"
   * (the run start). Otherwise absent for a single payload.
   */
  source?: "status" | "events" | "snapshot" | "dependencies" | "inferred";
  /** Epoch milliseconds UTC, or null while the span is still open. */
  end: number | null;
  phase: Phase;
  /** True when the payload has no start for the element: the start is its dependencies' latest end (`source: "dependencies"`) or the run start. */
  startInferred: boolean;
}

export type MarkerKind = "start" | "success" | "failure" | "other";

export interface Marker {
  at: number;
  kind: MarkerKind;
  /** The event's English reason (or the raw reason when it has no English half). */
  text: string;
  count: number;
}

export interface Lane {
  id: string;
  label: string;
  /** The element's type (elemType, node kind) or null. */
  type: string | null;
  phase: Phase;
  reason: string | null;
  message: string | null;
  /** `reason` split into its Chinese and English halves (the rule `Event.reason` follows), or null when `reason` is. */
  reasonBi: Bilingual | null;
  /** `message` split likewise, or null. */
  messageBi: Bilingual | null;
  /** subActionName / actionName of the element, or null. */
  action: string | null;
  spans: Span[];
  markers: Marker[];
}

/** What `timeline` returns. start/end are null when nothing in the payload carries a time. */
export interface Timeline {
  start: number | null;
  end: number | null;
  lanes: Lane[];
}

/**
 * A bilingual text "中文##English" split in two at the first `##` (both halves trimmed); the raw text is kept.
 * A text without `##` is all Chinese when it holds CJK characters, else all English.
 */
export interface Bilingual {
  raw: string;
  zh: string | null;
  en: string | null;
}

/** One execution event, normalized. */
export interface Event {
  element: string | null;
  elemType: string | null;
  type: string | null;
  reason: Bilingual;
  message: Bilingual;
  firstTimestamp: number | null;
  lastTimestamp: number | null;
  count: number;
  action: string | null;
  kind: MarkerKind;
  phase: Phase;
}

/** What `decodeObjectData` returns. */
export interface DecodedObjectData {
  status: "decoded" | "redacted" | "empty";
  format: "json" | "yaml" | "text" | "binary" | null;
  /** The decoded text (binary: lowercase hex of the first 4096 bytes). Empty when redacted or empty. */
  text: string;
  /**
   * The parsed value when format is "json" or "yaml", else null. Built with `JSON.parse`
   * (a `__proto__` key stays data). YAML becomes JSON data: keys as text (a scalar key as
   * written, a collection key as its compact JSON), aliases expanded, the first document
   * only; `.inf`/`.nan` stay text. Null for a YAML text that does not parse or exceeds a
   * limit (128 levels deep, 1,000,000 nodes, aliases expanding to 100,000 nodes): see `parseError`.
   */
  json: unknown;
  /** Why a "yaml" text has no `json`: `expected ..., found ... at line L, column C`. Null otherwise. */
  parseError: string | null;
  /** Decoded size in bytes. */
  byteLength: number;
}

/** The errors every function throws are real `Error`s with these fields. */
export interface ExecscopeError extends Error {
  code: ErrorCode;
  /** invalid_json: 1-based line and column of the problem. */
  line?: number;
  column?: number;
  /** invalid_base64: 0-based offset of the first bad character. too_large: not set. */
  offset?: number;
}

/** What `TimelineView.hit` finds under the pointer. */
export interface Hit {
  lane: Lane;
  span: Span | null;
  marker: Marker | null;
}

/**
 * What `Payload.eventsPacked(from, count)` returns: events `from..from + count`
 * of an event list as columns (the page's events table asks in slices). The
 * slice's texts come as one string: text `k` is
 * `text.slice(starts[k], ends[k])` (UTF-16 code units; a message's zh and en
 * halves lie inside its raw text).
 * Per event `i`: text `cols.element[i]` and likewise `elemType`, `type`,
 * `action`, `kind`, `phase`, and the message's halves `msgRaw`, `msgZh`,
 * `msgEn` (−1: none); the reason's halves are the texts
 * `reasons[3 * cols.reason[i] + 0, 1, 2]` (raw, zh, en; −1: none);
 * `cols.first`, `cols.last` epoch ms (NaN: none); `cols.count`. Each short
 * text (element, type, reason…) crosses once per slice, and all texts as one string.
 */
export interface PackedEvents {
  /** Events in the whole list. */
  total: number;
  /** Events in this slice. */
  n: number;
  /** The slice's texts (short ones once, messages as they come), one after another. */
  text: string;
  /** Where each text starts in `text`, in UTF-16 code units. */
  starts: Uint32Array;
  /** Where each text ends in `text`, in UTF-16 code units. */
  ends: Uint32Array;
  /** Per distinct reason, the text indices of its raw, zh and en halves (−1: none). */
  reasons: Int32Array;
  cols: {
    element: Int32Array; elemType: Int32Array; type: Int32Array; action: Int32Array; kind: Int32Array; phase: Int32Array;
    msgRaw: Int32Array; msgZh: Int32Array; msgEn: Int32Array; reason: Int32Array;
    first: Float64Array; last: Float64Array; count: Float64Array;
  };
}

/**
 * What `frameBits()` returns: the meaning of a `TimelineView.frame` cell's bits.
 * `cell & phase` is the covering span's phase index + 1 (0: no span), that
 * index into `phases`; the filter's phase mask is `1 << index`.
 */
export interface FrameBits {
  /** Bits 0–2 (0b111). */
  phase: number;
  /** The covering span's start is inferred. */
  inferred: number;
  /** The covering span is open (still running). */
  open: number;
  /** An event marker falls in the column. */
  marker: number;
  /** A failure marker falls in the column. */
  failure: number;
  /** The phases in index order. */
  phases: Phase[];
}

/** One element of two compared runs. */
export interface ElementChange {
  id: string;
  presence: "both" | "a" | "b";
  phaseA: Phase | null;
  phaseB: Phase | null;
  /** Sum of the element's closed spans in each run (ms), or null. */
  durationA: number | null;
  durationB: number | null;
  /** durationB − durationA, or null. */
  durationChange: number | null;
  /** The phase differs, or only one run has the element. */
  changed: boolean;
}

/** One leaf difference between two decoded JSON objectData values. */
export interface Difference {
  /** `$.inputs.region`, `$.list[2]`, `$["odd key"]`. */
  path: string;
  change: "added" | "removed" | "changed";
  a?: unknown;
  b?: unknown;
}

export interface DataComparison {
  /** unavailable: missing, redacted or undecodable in either run. */
  status: "identical" | "different" | "unavailable";
  differences: Difference[];
  /** More than 1000 differences existed. */
  truncated: boolean;
}

/** What `compare` returns. */
export interface Comparison {
  a: Run;
  b: Run;
  /** Every element of either run, in time order. */
  elements: ElementChange[];
  onlyInA: string[];
  onlyInB: string[];
  firstDivergence: ElementChange | null;
  /** b.durationMs − a.durationMs, or null. */
  durationChange: number | null;
  objectData: DataComparison;
  changedObjectData: DataComparison;
}

/** What `Workspace.add` returns. */
export interface Added {
  /** Index of the payload in the workspace. */
  source: number;
  name: string;
  format: Format;
  /** The workspace run ids this payload's runs joined. */
  runs: string[];
  warnings: Warning[];
}

/** A payload's part in a workspace run. */
export interface SourceRef {
  name: string;
  format: Format;
  role: "status" | "events";
}

/** One entry of `Workspace.runs()`. */
export interface WorkspaceRun {
  id: string;
  name: string | null;
  phase: Phase;
  sources: SourceRef[];
  /** Status snapshots (polls) of this run. */
  snapshots: number;
}

/** A status phase and an events phase that disagree: shown, not resolved. */
export interface Conflict {
  element: string;
  statusPhase: Phase;
  eventsPhase: Phase;
  statusAt: number | null;
  eventsAt: number | null;
}

export interface ProgressPoint {
  snapshot: number;
  at: number | null;
  phase: Phase;
  reported: number | null;
  derived: number | null;
}

/** What `Workspace.summary` returns. */
export interface WorkspaceSummary {
  run: Run;
  sources: SourceRef[];
  snapshots: number;
  conflicts: Conflict[];
  progressHistory: ProgressPoint[];
}

/** One change between snapshots (`Workspace.changes`). */
export interface Change {
  /** The snapshot (0-based) where it is first seen. */
  snapshot: number;
  at: number | null;
  /** The element, or null for the run itself. */
  element: string | null;
  field: "phase" | "progress";
  from: string | null;
  to: string | null;
}

/**
 * One element in `Graph.nodes`: the union of the template's elements and those the run reports.
 * Run elements come first, in payload order, then template-only ones in template order.
 */
export interface GraphNode {
  /** The element's id (the `node_templates` / `subObjectStatuses` key). */
  id: string;
  /** The template's node type (`HuaweiCloud.CCE.Deployment`), else the type the payload gives, else null. */
  type: string | null;
  /** The element's phase in the run; null for a template element the run does not report (not part of this run). */
  phase: Phase | null;
  /** Length of the longest chain of dependencies above it: 0 for none. A cycle counts as one step, so its elements get one finite depth. */
  depth: number;
  /** Left edge of the node's box, in graph units (CSS pixels at zoom 1); the drawing starts at 0, 0. */
  x: number;
  /** Top edge of the box. */
  y: number;
  /** Box width (200 for every node). */
  width: number;
  /** Box height (44). */
  height: number;
}

/** A point of an edge's route. */
export interface GraphPoint {
  x: number;
  y: number;
}

/** One dependency: one per ordered pair. Arrows follow execution order, from the dependency to what waited for it. */
export interface GraphEdge {
  /** The dependency. */
  from: string;
  /** The element that depends on it. */
  to: string;
  /** "requirement" when a requirement (or a GCS `depends`) declares the pair, else "reference" (`get_reference` / `get_attribute` in its properties). */
  kind: "requirement" | "reference";
  /** The requirement's key (`vpcId`, `dependency`, `depends`), or the function (`get_reference` / `get_attribute`). */
  name: string;
  /**
   * The route to draw as a polyline: from the middle of the right side of `from`'s box (left side for an
   * edge against the flow, on a cycle), through the columns between, to the middle of the left side of
   * `to`'s box (right side against the flow). Arrowhead at the last point. A self-loop is a small loop right of its box.
   */
  points: GraphPoint[];
}

/** A root cause and what it took down. */
export interface RootCause {
  /** A Failed element with no Failed element among its transitive dependencies (on a cycle: the one that failed first). */
  element: string;
  /** Its transitive dependents that did not succeed (Failed, Cancelled, Skipped, Pending, Running), nearest first, then in payload order. */
  affected: string[];
}

/**
 * What `graph`, `Payload.graph` and `Workspace.graph` return: the run's dependency graph, laid out left to
 * right (dependencies in earlier columns). Edges come from the run's template (spec.objectData: TOSCA
 * `node_templates`, JSON or YAML, or a GCS workflow's `depends`); formats without one give nodes without edges,
 * in a grid.
 */
export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Root causes by failure time (then payload order); at most 1,000. */
  rootCauses: RootCause[];
  /**
   * Element ids, first to last: from the element whose span ends last (open spans end last), each step back to
   * its dependency whose span ends last, until one with no dependency; ties go to payload order. Empty when no element has a span.
   */
  criticalPath: string[];
  /** `dependency_cycle`, `unknown_dependency`, `invalid_template`, `wrong_type` (a requirement of the wrong shape). Never fatal. */
  warnings: Warning[];
  /** Size of the whole drawing, for fitting it. */
  width: number;
  height: number;
}
