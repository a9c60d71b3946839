// The JS baseline execscope's summarize() is measured against: JSON.parse plus the
// same summary of an execution-events payload, written the way a capable JS
// developer would write it by hand — plain objects, a Map of elements, Date.parse,
// one pass over the events. No tricks in either direction: it is not tuned against
// the generator's data, and it is not made slow on purpose.
//
// Rules (docs/reference.md#timelines, for execution-events):
// - an event is a failure when its type is Warning or its English reason contains
//   "Fail" or "Error"; else a start when the reason ends in "Start"; else a success
//   when it contains "Success" or "Finish"; else "other" (does not change a phase);
// - an element's phase is that of its latest start/success/failure event (by
//   firstTimestamp, payload order breaking ties); elements without one are Unknown;
// - progress.derived = floor(100 × succeeded / elements);
// - the run's phase is derived from the element counts;
// - startedAt = earliest firstTimestamp; finishedAt = latest event time, once the
//   phase is terminal;
// - firstFailure = the Failed element whose failure (its latest event) is earliest,
//   first-seen element order breaking ties.
//
// Works in Node and in browsers (no imports).

const PHASES = ["Pending", "Running", "Succeeded", "Failed", "Cancelled", "Skipped", "Unknown"];
const TERMINAL = new Set(["Succeeded", "Failed", "Cancelled", "Skipped"]);

/** "中文##English" -> "English"; text without "##" is returned trimmed. */
function english(text) {
  const i = text.indexOf("##");
  return (i < 0 ? text : text.slice(i + 2)).trim();
}

/** The phase an event sets, or null for "other" events. */
export function eventPhase(type, reason) {
  const en = english(reason || "");
  if (type === "Warning" || en.includes("Fail") || en.includes("Error")) return "Failed";
  if (en.endsWith("Start")) return "Running";
  if (en.includes("Success") || en.includes("Finish")) return "Succeeded";
  return null;
}

const failureTime = (el) => (el.at === -Infinity ? Infinity : el.at);

function derivePhase(c) {
  if (c.Running > 0 || c.Pending > 0) return "Running";
  if (c.Failed > 0) return "Failed";
  if (c.Cancelled > 0) return "Cancelled";
  if (c.Succeeded > 0 && c.Unknown === 0) return "Succeeded";
  return "Unknown";
}

/** JSON.parse + summary: what the benchmark times as (b). */
export function summarizeEventsText(text) {
  return summarizeEvents(JSON.parse(text));
}

/** The summary of an already parsed event array (same field names as execscope's Run). */
export function summarizeEvents(events) {
  const elements = new Map(); // elemId -> { phase, at, reason, message }
  let startedAt = null;
  let updatedAt = null;
  let action = null;
  let id = null;

  for (const e of events) {
    const first = e.firstTimestamp ? Date.parse(e.firstTimestamp) : NaN;
    const last = e.lastTimestamp ? Date.parse(e.lastTimestamp) : NaN;
    if (!Number.isNaN(first)) {
      if (startedAt === null || first < startedAt) startedAt = first;
      if (updatedAt === null || first > updatedAt) updatedAt = first;
    }
    if (!Number.isNaN(last) && (updatedAt === null || last > updatedAt)) updatedAt = last;
    if (id === null && e.involvedObject) id = e.involvedObject.name ?? null;
    if (action === null && e.actionName) action = e.actionName;
    if (!e.elemId) continue;

    let el = elements.get(e.elemId);
    if (!el) {
      el = { phase: "Unknown", at: -Infinity, reason: null, message: null };
      elements.set(e.elemId, el);
    }
    const phase = eventPhase(e.type, e.reason);
    if (phase === null) continue;
    const at = Number.isNaN(first) ? last : first;
    // An event without a valid time still sets the phase, unless a timed one did.
    if (Number.isNaN(at) ? el.at === -Infinity : at >= el.at) {
      el.phase = phase;
      el.at = Number.isNaN(at) ? -Infinity : at;
      el.reason = e.reason ?? null;
      el.message = e.message ?? null;
    }
  }

  const phases = Object.fromEntries(PHASES.map((p) => [p, 0]));
  let failed = null; // [elemId, el] of the earliest failure
  for (const entry of elements) {
    const el = entry[1];
    phases[el.phase]++;
    // Failed elements without a time come last.
    if (el.phase === "Failed" && (failed === null || failureTime(el) < failureTime(failed[1]))) failed = entry;
  }
  const firstFailure = failed && {
    element: failed[0],
    reason: failed[1].reason,
    message: failed[1].message,
    at: failed[1].at === -Infinity ? null : failed[1].at,
  };
  const total = elements.size;
  const done = phases.Succeeded;
  const phase = derivePhase(phases);
  const finishedAt = TERMINAL.has(phase) ? updatedAt : null;
  return {
    id,
    action,
    phase,
    progress: { reported: null, derived: total > 0 ? Math.floor((100 * done) / total) : null, done, total },
    phases,
    startedAt,
    finishedAt,
    durationMs: finishedAt !== null && startedAt !== null ? finishedAt - startedAt : null,
    updatedAt,
    firstFailure,
    eventCount: events.length,
    elementCount: total,
  };
}

/**
 * Compares the baseline's run with execscope's (summary.runs[0]) on the fields both
 * compute. Returns a list of "field: baseline X, execscope Y" strings (empty = equal).
 */
export function compareWithExecscope(base, summary) {
  const run = summary && summary.runs && summary.runs[0];
  if (!run) return ["execscope returned no run"];
  const out = [];
  const check = (name, a, b) => {
    const ja = JSON.stringify(a);
    const jb = JSON.stringify(b);
    if (ja !== jb) out.push(`${name}: baseline ${ja}, execscope ${jb}`);
  };
  check("id", base.id, run.id);
  check("action", base.action, run.action);
  check("phase", base.phase, run.phase);
  for (const p of PHASES) check(`phases.${p}`, base.phases[p], run.phases[p]);
  check("progress.derived", base.progress.derived, run.progress.derived);
  check("progress.done", base.progress.done, run.progress.done);
  check("progress.total", base.progress.total, run.progress.total);
  check("firstFailure.element", base.firstFailure && base.firstFailure.element, run.firstFailure && run.firstFailure.element);
  check("firstFailure.at", base.firstFailure && base.firstFailure.at, run.firstFailure && run.firstFailure.at);
  check("startedAt", base.startedAt, run.startedAt);
  check("finishedAt", base.finishedAt, run.finishedAt);
  check("updatedAt", base.updatedAt, run.updatedAt);
  check("eventCount", base.eventCount, run.eventCount);
  check("elementCount", base.elementCount, run.elementCount);
  return out;
}
