// @ts-check
// Pieces of the joined-run view: the payloads a run was joined from, the
// conflicts between them (status says X, events say Y: listed, never resolved),
// and where the timeline's starts came from.
import { h } from "../dom.js";
import { fmtTime, fmtIso, fmtNum, plural, FORMAT_LABELS, START_SOURCES } from "../fmt.js";
import { phaseBadge } from "./summary.js";

/** @import { JoinSource, Conflict, Timeline, TimeMode } from "../types.js" */
/** @typedef {{status: number, events: number, snapshot: number, dependencies: number, inferred: number}} StartCounts */

/** @type {Record<string, {label: string, title: string}>} */
const ROLE = {
  status: { label: "status", title: "the run's status: phases, progress, element times" },
  events: { label: "events", title: "the run's events: starts, failures, retries" },
};

/**
 * sources: [{name, format, role, docId}]; o: {runId, snapshots, onOpen(docId)}
 * @param {readonly JoinSource[]} sources @param {{runId?: string, snapshots?: number, onOpen?: (docId: number) => void}} [o]
 */
export function renderSources(sources, o = {}) {
  const list = h("div", { class: "join-list" });
  for (const s of sources) {
    const role = ROLE[s.role] || { label: s.role, title: "" };
    list.appendChild(h("button", { type: "button", class: "src-chip", "data-testid": "join-source", "data-role": s.role,
      title: "Open " + s.name + " alone — " + role.title, onclick: () => o.onOpen && o.onOpen(s.docId) },
    h("span", { class: ["role", "role-" + s.role] }, role.label),
    h("span", { class: "src-name" }, s.name),
    h("span", { class: "fmt" }, FORMAT_LABELS[s.format] || s.format)));
  }
  const statuses = sources.filter((s) => s.role === "status").length;
  return h("div", { class: "card join-sources", "data-testid": "join-sources" },
    h("div", { class: "join-line" },
      h("span", { class: "fact-k" }, "One run from " + plural(sources.length, "payload")),
      list),
    h("p", { class: "muted small join-note" },
      "Joined by the run's keys (id ", h("span", { class: "mono" }, o.runId || "—"), "). ",
      statuses > 1 ? "The " + fmtNum(statuses) + " status payloads are snapshots of the run; the latest is the base. " : "",
      sources.some((s) => s.role === "events") ? "The events refine what the status lacks: element starts, reasons, markers. " : "",
      "Each payload's own tab still shows it alone."));
}

/**
 * conflicts: [{element, statusPhase, eventsPhase, statusAt, eventsAt}]
 * o: {mode, base, both (a status and an events source joined), onSelect(element)}
 * null when there is nothing to say (snapshots only, no conflict).
 * @param {readonly Conflict[]} conflicts
 * @param {{mode?: TimeMode, base?: number | null, both?: boolean, onSelect?: (element: string) => void}} [o]
 */
export function renderConflicts(conflicts, o = {}) {
  if (!conflicts.length) {
    if (!o.both) return null;
    return h("div", { class: "note ok-note", "data-testid": "conflicts-none", role: "note" },
      "✓ The status and the events agree on the phase of every element they both name.");
  }
  const body = h("tbody");
  for (const c of conflicts) {
    body.appendChild(h("tr", { "data-testid": "conflict", "data-element": c.element, tabindex: "0", title: "Show " + c.element + " in the timeline",
      onclick: () => o.onSelect && o.onSelect(c.element),
      onkeydown: (/** @type {KeyboardEvent} */ e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); if (o.onSelect) o.onSelect(c.element); } } },
    h("td", { class: "mono" }, c.element),
    h("td", null, phaseBadge(c.statusPhase, { testid: "conflict-status" }),
      c.statusAt != null ? h("span", { class: "muted small mono-num cf-at", title: fmtIso(c.statusAt) }, " at " + fmtTime(c.statusAt, o.mode || "utc", o.base)) : null),
    h("td", null, phaseBadge(c.eventsPhase, { testid: "conflict-events" }),
      c.eventsAt != null ? h("span", { class: "muted small mono-num cf-at", title: fmtIso(c.eventsAt) }, " at " + fmtTime(c.eventsAt, o.mode || "utc", o.base)) : null)));
  }
  return h("section", { class: "panel conflicts", id: "sec-conflicts", "data-testid": "conflicts", "aria-label": "Conflicts between the sources" },
    h("header", { class: "panel-head" },
      h("h3", null, "Sources disagree"),
      h("span", { class: "pill pill-warn", "data-testid": "conflict-count" }, plural(conflicts.length, "element")),
      h("span", { class: "muted small" }, "the status says one phase, the events another — both are shown, neither is picked")),
    h("div", { class: "panel-body" },
      h("div", { class: "table-scroll" },
        h("table", { class: "grid conflicts-table" },
          h("thead", null, h("tr", null, h("th", null, "Element"), h("th", null, "Status says"), h("th", null, "Events say"))),
          body))));
}

/** How many spans of a timeline start from each source. @param {Timeline} tl @returns {StartCounts} */
export function countStartSources(tl) {
  /** @type {StartCounts} */
  const n = { status: 0, events: 0, snapshot: 0, dependencies: 0, inferred: 0 };
  for (const l of tl.lanes) for (const s of l.spans) if (s.source && s.source in n) n[s.source]++;
  return n;
}

/** "Starts: 5 from the status · 6 from the events · 3 inferred" with the legend of each. */
/** @param {StartCounts} n */
export function renderStartSources(n) {
  /** @type {(keyof StartCounts)[]} */
  const keys = ["status", "events", "snapshot", "dependencies", "inferred"];
  const parts = keys.filter((k) => n[k]);
  if (!parts.length) return null;
  return h("div", { class: "start-sources", "data-testid": "start-sources" },
    h("span", { class: "fact-k" }, "Span starts"),
    ...parts.map((k) => h("span", { class: ["src-count", "src-" + k], "data-source": k, title: START_SOURCES[k].text },
      h("span", { class: ["pill", "src-pill", "src-" + k] }, START_SOURCES[k].label),
      " ", h("strong", { class: "mono-num" }, fmtNum(n[k])))),
    h("span", { class: "muted small" }, "hover a bar or open an element to see where its start came from"));
}
