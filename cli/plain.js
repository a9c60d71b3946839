// @ts-check
// The default report, for a person at a terminal: the run, its first failure
// (and root cause), its elements per phase, the Gantt chart and the warnings,
// fitted to the width. Every payload text goes through printable() first.

import { gantt } from "./gantt.js";
import { PHASES, PHASE_ORDER, phaseLabel } from "./style.js";
import { formatName, halves, progressText } from "./text.js";
import { clock, dateTime, duration } from "./time.js";
import { oneLine, pad, printable, truncate, width, wrap } from "./width.js";

/** @typedef {import("./report.js").Report} Report */
/** @typedef {import("./report.js").RootCause} RootCause */
/** @typedef {import("./style.js").Style} Style */
/** @typedef {import("./text.js").Lang} Lang */
/** @typedef {import("execscope").Run} Run */

/**
 * @typedef {object} PlainOptions
 * @property {number} width
 * @property {Style} style
 * @property {boolean} utc
 * @property {Lang} lang
 * @property {number} lanes
 * @property {boolean} failedFirst
 */

const KEY = 10; // "  progress  " : two spaces, the key padded to KEY, then the value

/**
 * "  key       value" lines, the value wrapped under itself.
 * @param {string} key
 * @param {string[]} values   each starts a new line (e.g. the two halves of a message)
 * @param {number} w
 * @param {(s: string) => string} [paint]
 */
function field(key, values, w, paint = (s) => s) {
  const indent = 2 + KEY;
  const lines = [];
  let first = true;
  for (const v of values) {
    for (const part of wrap(printable(v), Math.max(10, w - indent))) {
      lines.push((first ? `  ${pad(key, KEY)}` : " ".repeat(indent)) + paint(part));
      first = false;
    }
  }
  return lines;
}

/**
 * Text wrapped to the width with a hanging indent (payload parts already
 * made printable by the caller: oneLine()).
 * @param {string} text
 * @param {number} w
 * @param {number} indent  columns of the continuation lines
 */
function para(text, w, indent) {
  return wrap(text, Math.max(10, w - indent)).map((l, i) => (i === 0 ? l : " ".repeat(indent) + l));
}

/** The run's title: name, action, phase. @param {Report} r @param {Style} st */
function title(r, st) {
  const run = r.run;
  if (r.apiError) {
    const e = r.apiError;
    return st.red(st.bold(`✗ API error${e.httpCode != null ? ` ${e.httpCode}` : ""}`));
  }
  if (!run) return `${st.bold("No run")} · ${formatName(r.kind)}`;
  const name = oneLine(run.name ?? run.id) || "(a run without a name or id)";
  const bits = [st.bold(name)];
  if (run.action) bits.push(oneLine(run.action));
  bits.push(phaseLabel(st, run.phase));
  return bits.join(" · ");
}

/**
 * "Root cause: X (reason) — took down N elements: a, b, …" (the issue's words).
 * @param {RootCause} rc
 * @param {Lang} lang
 */
export function rootCauseText(rc, lang) {
  const reason = rc.reason ? ` (${oneLine(halves(rc.reason, lang).join(" · "))})` : "";
  const n = rc.affected.length;
  if (n === 0) return `Root cause: ${oneLine(rc.element)}${reason} — took down no other element`;
  const shown = rc.affected.slice(0, 8).map(oneLine);
  const more = n > shown.length ? `, and ${n - shown.length} more` : "";
  return `Root cause: ${oneLine(rc.element)}${reason} — took down ${n} element${n === 1 ? "" : "s"}: ${shown.join(", ")}${more}`;
}

/**
 * The report's lines.
 * @param {Report} r
 * @param {PlainOptions} o
 * @returns {string[]}
 */
export function plain(r, o) {
  const st = o.style;
  const w = o.width;
  /** @type {string[]} */
  const out = wrap(title(r, st), w);
  const run = r.run;

  // Where it came from.
  if (r.sources.length === 1) {
    out.push(...field("input", [`${r.sources[0].name} (${formatName(r.kind)})`], w));
  } else {
    out.push(...field("joined", r.sources.map((s) => `${s.name} (${s.role ?? "status"}, ${formatName(s.format)})`), w));
  }

  if (r.apiError) {
    const e = r.apiError;
    const what = [e.httpCode != null ? `HTTP ${e.httpCode}` : null, e.code].filter(Boolean).join(" ");
    out.push(...field("error", [what || "(no code)"], w, st.red));
    if (e.message) out.push(...field("message", [e.message], w));
    out.push(...field("", ["The input is the API's error response, not a run: the request failed."], w, st.dim));
  }

  if (run) {
    if (run.name && run.name !== run.id) out.push(...field("run", [run.id], w));
    if (run.createdBy) out.push(...field("by", [run.createdBy], w));
    out.push(...field("progress", [progressText(run)], w));
    out.push(...field("started", [dateTime(run.startedAt, o.utc)], w));
    if (run.finishedAt != null) {
      out.push(...field("finished", [dateTime(run.finishedAt, o.utc)], w));
    } else if (run.updatedAt != null) {
      out.push(...field("updated", [`${dateTime(run.updatedAt, o.utc)} (not finished then)`], w));
    }
    const took = run.durationMs ?? (run.startedAt != null && run.updatedAt != null ? run.updatedAt - run.startedAt : null);
    if (took != null) {
      let d = run.durationMs != null ? duration(took) : `${duration(took)} so far`;
      if (run.timeoutMinutes != null) d += ` (timeout ${duration(run.timeoutMinutes * 60000)})`;
      out.push(...field("duration", [d], w));
    }
    if (run.timedOut) out.push(...field("", ["Timed out: it ran longer than its timeout."], w, st.red));
    if (run.reason) out.push(...field("reason", halves(run.reason, o.lang), w));
    if (run.message) out.push(...field("message", halves(run.message, o.lang), w));

    // The first failure, and what the graph says caused it.
    const f = run.firstFailure;
    if (f) {
      out.push("");
      const at = f.at != null ? ` at ${clock(f.at, run.startedAt, o.utc)}` : "";
      const into = f.at != null && run.startedAt != null ? ` (${duration(f.at - run.startedAt)} in)` : "";
      out.push(...para(`${st.red(st.bold("First failure:"))} ${oneLine(f.element)}${at}${into}`, w, 2));
      if (f.reason) out.push(...field("reason", halves(f.reason, o.lang), w));
      if (f.message) out.push(...field("message", halves(f.message, o.lang), w));
    }
    if (r.rootCauses && r.rootCauses.length > 0) {
      if (!f) out.push("");
      for (const rc of r.rootCauses.slice(0, 5)) out.push(...para(`  ${rootCauseText(rc, o.lang)}`, w, 4));
      if (r.rootCauses.length > 5) out.push(`  … and ${r.rootCauses.length - 5} more root causes`);
    }
    if (r.graphError) out.push(...para(st.dim(`  (no root cause: the graph could not be built: ${oneLine(r.graphError)})`), w, 4));

    // Elements per phase.
    out.push("");
    const counts = PHASE_ORDER.filter((p) => run.phases[p] > 0).map(
      (p) => st.phase(p, `${run.phases[p].toLocaleString("en-US")} ${PHASES[p].mark} ${p}`),
    );
    const total = run.elementCount.toLocaleString("en-US");
    out.push(...wrapJoined(`${st.bold("Elements:")} ${total}${counts.length ? " — " : ""}`, counts, w, 2));

    if (r.snapshots > 1) {
      const h = r.progressHistory;
      const path = h.map((p) => (p.reported ?? p.derived ?? "—") + "%").join(" → ");
      out.push(...para(`${st.bold("Snapshots:")} ${r.snapshots}, progress ${path}`, w, 2));
    }
    if (r.conflicts.length > 0) {
      out.push("");
      out.push(...para(`${st.yellow(st.bold("Status and events disagree"))} on ${r.conflicts.length} element${r.conflicts.length === 1 ? "" : "s"} (shown, not resolved):`, w, 2));
      for (const c of r.conflicts.slice(0, 10)) {
        const at = c.eventsAt != null ? ` at ${clock(c.eventsAt, run.startedAt, o.utc)}` : "";
        out.push(...para(`  ${oneLine(c.element)}: status ${c.statusPhase}, events ${c.eventsPhase}${at}`, w, 4));
      }
      if (r.conflicts.length > 10) out.push(`  … and ${r.conflicts.length - 10} more`);
    }
  }

  // A workflow history: the other runs.
  if (r.runs.length > 1 && run) {
    out.push("");
    out.push(...para(`${st.bold("Runs:")} ${r.runs.length} in this history, newest first; --run ID shows another`, w, 2));
    const rows = r.runs.slice(0, 10);
    const idW = Math.min(Math.max(...rows.map((x) => width(oneLine(x.id)))), Math.max(8, w - 40));
    for (const x of rows) {
      const mark = x === run ? "▸" : " ";
      const ph = pad(`${PHASES[x.phase]?.mark ?? "?"} ${x.phase}`, 11);
      const line = `${mark} ${pad(oneLine(x.id), idW)}  ${st.phase(x.phase, ph)}  ${clock(x.startedAt, run.startedAt, o.utc)}  ${x.durationMs != null ? duration(x.durationMs) : x.phase === "Running" ? "running" : "—"}`;
      out.push(truncateStyled(line, w));
    }
    if (r.runs.length > rows.length) out.push(`  … and ${r.runs.length - rows.length} more`);
  }

  // The Gantt chart.
  if (r.view && r.view.laneCount > 0) {
    out.push("");
    out.push(...gantt(r.view, { width: w, style: st, utc: o.utc, lanes: o.lanes, failedFirst: o.failedFirst }));
  }

  // Warnings, with their paths.
  if (r.warnings.length > 0) {
    out.push("");
    out.push(st.yellow(st.bold(`Warnings (${r.warnings.length}):`)));
    for (const x of r.warnings) {
      const where = x.source ? `${x.source}: ` : "";
      out.push(...para(`  ${where}${oneLine(x.path)} — ${oneLine(x.message)} [${x.code}]`, w, 4));
    }
  }
  return out;
}

/**
 * A prefix and items joined with ", ", wrapped between items.
 * @param {string} prefix @param {string[]} items @param {number} w @param {number} indent
 */
function wrapJoined(prefix, items, w, indent) {
  const lines = [];
  let line = prefix;
  let lw = visible(prefix);
  items.forEach((item, i) => {
    const text = item + (i < items.length - 1 ? "," : "");
    const iw = visible(text);
    if (lw + iw + 1 > w && lw > indent) {
      lines.push(line.trimEnd());
      line = " ".repeat(indent);
      lw = indent;
    } else if (i > 0) {
      line += " ";
      lw += 1;
    }
    line += text;
    lw += iw;
  });
  lines.push(line);
  return lines;
}

const visible = width;

/** A coloured line cut to w columns (the colours are dropped when it must be cut). @param {string} s @param {number} w */
function truncateStyled(s, w) {
  return visible(s) <= w ? s : truncate(s, w);
}
