// @ts-check
// --markdown: a report to paste into a pull request, an issue or an incident
// ticket (GitHub-flavoured Markdown): a heading, a summary table, a table of the
// failed and cancelled elements, and the warnings in a collapsed <details>.
//
// Payload text cannot break out of its cell or turn into markup: md() escapes
// Markdown's punctuation with backslashes, writes < > & as entities, $ as an
// entity (GitHub's math), @ and # as entities (no mentions, no issue links),
// and line breaks as <br>. Paths and codes go in code spans sized to their
// backticks, with | escaped (GFM tables split cells before inline parsing).

import { PHASES, PHASE_ORDER } from "./style.js";
import { rootCauseText } from "./plain.js";
import { failedLanes, formatName, laneEnd, oneHalf, progressText } from "./text.js";
import { clock, dateTime, duration, zoneLabel } from "./time.js";
import { printable } from "./width.js";

/** @typedef {import("./report.js").Report} Report */
/** @typedef {import("./text.js").Lang} Lang */

/** Most characters of payload text in one cell. */
const CELL_MAX = 500;

/**
 * Payload text as Markdown inline text, safe inside a table cell, cut after
 * `max` characters (a 100 KB message would make the table unreadable; the
 * whole text is in --json).
 * @param {string | null | undefined} s
 * @param {number} [max]
 */
export function md(s, max = CELL_MAX) {
  if (s == null) return "";
  let t = printable(s).trim();
  if (t.length > max) t = `${Array.from(t.slice(0, max + 1)).slice(0, max).join("")}…`;
  return t
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/[<>&$@#]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/\n/g, "<br>");
}

/**
 * A code span (paths, codes, ids): fenced with one backtick more than the
 * longest run inside, | escaped for tables, line breaks as spaces.
 * @param {string | null | undefined} s
 */
export function code(s) {
  if (s == null || s === "") return "";
  const t = printable(s).replace(/\n/g, " ").replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...t.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const padded = t.startsWith("`") || t.endsWith("`") ? ` ${t} ` : t;
  return `${fence}${padded}${fence}`;
}

/**
 * @typedef {object} MarkdownOptions
 * @property {boolean} utc
 * @property {Lang} lang
 */

const MAX_ROWS = 100;

/**
 * The report as Markdown lines.
 * @param {Report} r
 * @param {MarkdownOptions} o
 * @returns {string[]}
 */
export function markdown(r, o) {
  const run = r.run;
  const out = [];
  const mark = run ? PHASES[run.phase]?.mark ?? "?" : "✗";
  const name = run ? run.name ?? run.id : r.apiError ? "API error" : "No run";
  out.push(`## ${mark} ${md(name)}${run ? ` — ${run.action ? `${md(run.action)} ` : ""}${run.phase}` : ""}`);
  out.push("");
  out.push("| Field | Value |", "| --- | --- |");
  /** @param {string} k @param {string} v */
  const row = (k, v) => out.push(`| ${k} | ${v} |`);
  if (run) row("Run", code(run.id));
  if (r.sources.length === 1) row("Input", `${md(r.sources[0].name)} (${formatName(r.kind)})`);
  else row("Joined from", r.sources.map((s) => `${md(s.name)} (${s.role ?? "status"}, ${formatName(s.format)})`).join("<br>"));
  if (r.apiError) {
    const e = r.apiError;
    row("API error", [e.httpCode != null ? `HTTP ${e.httpCode}` : "", e.code ? code(e.code) : "", md(e.message)].filter(Boolean).join(" "));
  }
  if (run) {
    row("Phase", `${mark} ${run.phase}${run.rawPhase && run.rawPhase !== run.phase ? ` (${md(run.rawPhase)})` : ""}`);
    if (run.createdBy) row("Started by", md(run.createdBy));
    row("Progress", md(progressText(run)));
    row("Started", dateTime(run.startedAt, o.utc));
    if (run.finishedAt != null) row("Finished", dateTime(run.finishedAt, o.utc));
    else if (run.updatedAt != null) row("Last update", `${dateTime(run.updatedAt, o.utc)} (not finished then)`);
    if (run.durationMs != null || run.timeoutMinutes != null) {
      let d = duration(run.durationMs);
      if (run.timeoutMinutes != null) d += ` (timeout ${duration(run.timeoutMinutes * 60000)}${run.timedOut ? ", **timed out**" : ""})`;
      row("Duration", d);
    }
    if (run.reason || run.message) row("Reason", [md(oneHalf(run.reason, o.lang)), md(oneHalf(run.message, o.lang))].filter(Boolean).join(": "));
    const f = run.firstFailure;
    if (f) {
      const at = f.at != null ? ` at ${clock(f.at, run.startedAt, o.utc)}` : "";
      const why = [md(oneHalf(f.reason, o.lang)), md(oneHalf(f.message, o.lang))].filter(Boolean).join(": ");
      row("First failure", `**${md(f.element)}**${at}${why ? ` — ${why}` : ""}`);
    }
    if (r.rootCauses && r.rootCauses.length > 0) {
      row("Root cause", r.rootCauses.slice(0, 5).map((rc) => md(rootCauseText(rc, o.lang).replace(/^Root cause: /, ""))).join("<br>"));
    }
    const counts = PHASE_ORDER.filter((p) => run.phases[p] > 0).map((p) => `${run.phases[p]} ${p}`);
    row("Elements", `${run.elementCount}${counts.length ? ` — ${counts.join(", ")}` : ""}`);
    if (r.snapshots > 1) row("Snapshots", String(r.snapshots));
    if (r.conflicts.length > 0) {
      row("Status and events disagree", r.conflicts.slice(0, 10).map((c) => `${md(c.element)}: status ${c.statusPhase}, events ${c.eventsPhase}`).join("<br>") + (r.conflicts.length > 10 ? `<br>… and ${r.conflicts.length - 10} more` : ""));
    }
    if (r.runs.length > 1) row("Runs in this history", `${r.runs.length} (this is the ${run === r.runs[0] ? "newest" : `one chosen with --run`})`);
  }
  if (r.warnings.length === 0) row("Warnings", "none");

  // The failed and cancelled elements.
  const { lanes, total } = failedLanes(r.view, MAX_ROWS);
  if (total > 0) {
    out.push("");
    out.push(`### Failed and cancelled elements (${total})`);
    out.push("");
    out.push(`| Element | Phase | Reason | Message | When (${zoneLabel(run?.startedAt ?? null, o.utc)}) |`, "| --- | --- | --- | --- | --- |");
    for (const l of lanes) {
      const end = laneEnd(l);
      out.push(`| ${md(l.label)} | ${PHASES[l.phase]?.mark ?? ""} ${l.phase} | ${md(oneHalf(l.reason, o.lang))} | ${md(oneHalf(l.message, o.lang))} | ${end != null ? clock(end, run?.startedAt ?? null, o.utc) : ""} |`);
    }
    if (total > lanes.length) out.push("", `… and ${total - lanes.length} more.`);
  }

  // The warnings, collapsed.
  if (r.warnings.length > 0) {
    out.push("");
    out.push(`<details><summary>Warnings (${r.warnings.length})</summary>`, "");
    const sourced = r.warnings.some((w) => w.source);
    out.push(sourced ? "| Input | Code | Path | Message |" : "| Code | Path | Message |", sourced ? "| --- | --- | --- | --- |" : "| --- | --- | --- |");
    for (const w of r.warnings) {
      out.push(`| ${sourced ? `${md(w.source)} | ` : ""}${code(w.code)} | ${code(w.path)} | ${md(w.message)} |`);
    }
    out.push("", "</details>");
  }
  return out;
}
