// @ts-check
// From inputs to reports: everything the command line asks of the core happens
// here (the renderers only format what it returns). Each input is read once into
// a core Payload (summary and timeline without reading it again: read whole). With several
// inputs the readable ones also go into one core Workspace, which joins the
// payloads of one run exactly as the page does (an execution and its events,
// snapshots of a polled execution); a run joined from two or more inputs is
// reported once, joined, and an input none of whose runs joined is reported alone.

// The package by its own name (Node resolves a package's self-reference through
// its "exports": the "node" entry here, execscope.d.ts for the types).
import * as core from "execscope";

/** @typedef {import("execscope").Summary} Summary */
/** @typedef {import("execscope").Run} Run */
/** @typedef {import("execscope").Format} Format */
/** @typedef {import("execscope").Phase} Phase */
/** @typedef {import("execscope").Conflict} Conflict */
/** @typedef {import("execscope").ProgressPoint} ProgressPoint */
/** @typedef {import("execscope").ApiErrorBody} ApiErrorBody */
/** @typedef {import("execscope").Options} Options */
/** @typedef {import("execscope").TimelineView} TimelineView */
/** @typedef {import("execscope").ExecscopeError} ExecscopeError */
/** @typedef {import("./input.js").Input} Input */

export { core };

/**
 * A root cause from the core's graph() (issue 11), with the failed element's reason.
 * @typedef {object} RootCause
 * @property {string} element
 * @property {string | null} reason
 * @property {string[]} affected
 */

/** @typedef {import("execscope").Graph} Graph */

/**
 * A warning with the input it came from (null when the report has one input).
 * @typedef {object} SourcedWarning
 * @property {string | null} source
 * @property {string} code
 * @property {string} message
 * @property {string} path
 */

/**
 * One report: an input alone, or a run joined from several inputs.
 * @typedef {object} Report
 * @property {{ name: string, format: Format, role: string | null }[]} sources
 * @property {Format} kind            the format (of the first source, for a joined run)
 * @property {Run | null} run         the run shown (null: none, e.g. an API error)
 * @property {Run[]} runs             every run of the input (a workflow history has several)
 * @property {ApiErrorBody | null} apiError
 * @property {SourcedWarning[]} warnings
 * @property {Conflict[]} conflicts   a joined run's status and events disagreeing
 * @property {number} snapshots       status snapshots joined (polled executions)
 * @property {ProgressPoint[]} progressHistory
 * @property {TimelineView | null} view
 * @property {RootCause[] | null} rootCauses  null: the graph could not be read (graphError says why)
 * @property {string | null} graphError
 */

/**
 * An input that could not be read.
 * @typedef {object} Failure
 * @property {string} name
 * @property {string} message
 * @property {string | null} code      the core's error code, or null (a file error)
 * @property {number | null} line
 * @property {number | null} column
 * @property {Uint8Array | null} bytes
 */

/** @param {unknown} e @param {Input} input @returns {Failure} */
export function failure(e, input) {
  const err = /** @type {Partial<ExecscopeError>} */ (e ?? {});
  return {
    name: input.name,
    message: String(err.message ?? e),
    code: typeof err.code === "string" ? err.code : null,
    line: typeof err.line === "number" ? err.line : null,
    column: typeof err.column === "number" ? err.column : null,
    bytes: input.bytes,
  };
}

/** The core's options from the command line's. @param {{ format?: string, strict: boolean }} a @returns {Options} */
export function options(a) {
  /** @type {Options} */
  const o = { strict: a.strict };
  if (a.format !== undefined) o.format = /** @type {Format} */ (a.format);
  return o;
}

/**
 * The run's dependency graph (the core's Payload.graph / Workspace.graph).
 * @param {Payload | null} payload
 * @param {Workspace | null} ws
 * @param {string} runId
 * @returns {{ graph: Graph | null, error: string | null } | null}
 */
function graphOf(payload, ws, runId) {
  try {
    if (ws) return { graph: ws.graph(runId), error: null };
    if (payload) return { graph: payload.graph(runId), error: null };
    return null;
  } catch (e) {
    return { graph: null, error: String(/** @type {Error} */ (e).message ?? e) };
  }
}

/** @typedef {import("execscope").Payload} Payload */
/** @typedef {import("execscope").Workspace} Workspace */

/**
 * Root causes with each element's reason (from the timeline's lanes). Only when
 * the graph has dependencies (a template gave edges): without any, every failed
 * element is its own root cause that took down nothing, which says no more than
 * the list of failures (event lists, workflow histories, RFS events).
 * @param {Graph | null} graph
 * @param {TimelineView | null} view
 * @returns {RootCause[]}
 */
function rootCauses(graph, view) {
  if (!graph || graph.edges.length === 0) return [];
  return graph.rootCauses.map((rc) => {
    let reason = null;
    if (view) {
      const i = view.indexOf(rc.element);
      const lane = i === undefined ? undefined : view.lane(i);
      reason = lane ? lane.reason : null;
    }
    return { element: rc.element, reason, affected: [...rc.affected] };
  });
}

/**
 * The run to show: `run` when the summary has it, else the first (a workflow
 * history lists its newest run first).
 * @param {Run[]} runs
 * @param {string | undefined} run
 */
function pick(runs, run) {
  return (run !== undefined ? runs.find((r) => r.id === run) : undefined) ?? runs[0] ?? null;
}

/**
 * @typedef {object} Read
 * @property {Input} input
 * @property {Payload} payload
 * @property {Summary} summary
 */

/**
 * Reads each input into a Payload, whole at once (the reports need its
 * timeline, and --events its events: `new Payload` would read an event list
 * twice, its summary first). Returns the readable ones and the failures, in order.
 * @param {Input[]} inputs
 * @param {Options} opts
 * @param {boolean} events  keep each event list for `events()` (--events)
 * @returns {(Read | Failure)[]}
 */
export function readAll(inputs, opts, events) {
  return inputs.map((input) => {
    if (!input.bytes) return { name: input.name, message: input.error ?? "unreadable", code: null, line: null, column: null, bytes: null };
    try {
      const payload = core.Payload.readWhole(input.bytes, opts, events);
      return { input, payload, summary: payload.summary() };
    } catch (e) {
      return failure(e, input);
    }
  });
}

/** @param {Read | Failure} r @returns {r is Read} */
export const isRead = (r) => "payload" in r;

/**
 * The reports, in input order, and the failures in their place.
 * @param {(Read | Failure)[]} read
 * @param {Options} opts
 * @param {string | undefined} runId  --run
 * @returns {(Report | Failure)[]}
 */
export function reports(read, opts, runId) {
  const joinable = read.filter(isRead).filter((r) => !r.summary.apiError && r.summary.runs.length > 0);
  /** @type {Map<Read, { id: string, ws: Workspace }>} */
  const joinedIn = new Map();
  /** @type {Map<string, Read[]>} */
  const groups = new Map();
  let ws = null;
  if (joinable.length >= 2) {
    ws = new core.Workspace();
    /** @type {Map<string, Read>} */
    const byName = new Map();
    for (const r of joinable) {
      let name = r.input.name;
      for (let k = 2; byName.has(name); k++) name = `${r.input.name} (${k})`;
      byName.set(name, r);
      try {
        ws.add(/** @type {Uint8Array} */ (r.input.bytes), name, opts);
      } catch {
        byName.delete(name); // read once already: cannot fail differently; left alone if it does
      }
    }
    for (const run of ws.runs()) {
      const members = [...new Set(run.sources.map((s) => byName.get(s.name)))].filter((x) => x !== undefined);
      if (members.length < 2) continue;
      groups.set(run.id, /** @type {Read[]} */ (members));
    }
    // An input is reported inside a joined run when all its runs joined one.
    for (const r of joinable) {
      const ids = [...groups.entries()].filter(([, m]) => m.includes(r)).map(([id]) => id);
      if (ids.length > 0 && ids.length >= r.summary.runs.length) joinedIn.set(r, { id: ids[0], ws });
    }
  }

  /** @type {(Report | Failure)[]} */
  const out = [];
  const done = new Set();
  for (const r of read) {
    if (!isRead(r)) {
      out.push(r);
      continue;
    }
    const j = joinedIn.get(r);
    if (j && ws) {
      if (done.has(j.id)) continue;
      done.add(j.id);
      out.push(joinedReport(ws, j.id, /** @type {Read[]} */ (groups.get(j.id))));
      continue;
    }
    out.push(aloneReport(r, runId));
  }
  return out;
}

/** @param {Read} r @param {string | undefined} runId @returns {Report} */
function aloneReport(r, runId) {
  const s = r.summary;
  const run = pick(s.runs, runId);
  const view = run ? r.payload.view(run.id) : null;
  const g = run ? graphOf(r.payload, null, run.id) : null;
  return {
    sources: [{ name: r.input.name, format: s.kind, role: null }],
    kind: s.kind,
    run,
    runs: s.runs,
    apiError: s.apiError,
    warnings: s.warnings.map((w) => ({ source: null, ...w })),
    conflicts: [],
    snapshots: 0,
    progressHistory: [],
    view,
    rootCauses: g ? rootCauses(g.graph, view) : null,
    graphError: g ? g.error : null,
  };
}

/** @param {Workspace} ws @param {string} id @param {Read[]} members @returns {Report} */
function joinedReport(ws, id, members) {
  const s = ws.summary(id);
  const view = ws.timelineView(id);
  const g = graphOf(null, ws, id);
  return {
    sources: s.sources.map((x) => ({ name: x.name, format: x.format, role: x.role })),
    kind: s.sources[0]?.format ?? members[0].summary.kind,
    run: s.run,
    runs: [s.run],
    apiError: null,
    warnings: members.flatMap((m) => m.summary.warnings.map((w) => ({ source: m.input.name, ...w }))),
    conflicts: s.conflicts,
    snapshots: s.snapshots,
    progressHistory: s.progressHistory,
    view,
    rootCauses: g ? rootCauses(g.graph, view) : null,
    graphError: g ? g.error : null,
  };
}

/**
 * The exit status a report asks for: 0 Succeeded/Skipped, 1 Failed/Cancelled or
 * an API error, 3 Running/Pending/Unknown or no run at all.
 * @param {Report} r
 */
export function exitStatus(r) {
  if (r.apiError) return 1;
  return phaseStatus(r.run ? r.run.phase : "Unknown");
}

/** @param {Phase} phase */
export function phaseStatus(phase) {
  switch (phase) {
    case "Succeeded":
    case "Skipped":
      return 0;
    case "Failed":
    case "Cancelled":
      return 1;
    default:
      return 3;
  }
}

/** Several statuses to one: 2 before 1 before 3 before 0. @param {number[]} codes */
export function combine(codes) {
  for (const c of [2, 1, 3]) if (codes.includes(c)) return c;
  return 0;
}
