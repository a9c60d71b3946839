// @ts-check
// Pieces of the joined-run view: the payloads a run was joined from, the
// conflicts between them (status says X, events say Y: listed, never resolved),
// and where the timeline's starts came from.
import { h } from "../dom.js";
import { fmtTime, fmtIso, formatLabel, startSource } from "../fmt.js";
import { phaseBadge } from "./summary.js";

/** @import { JoinSource, Conflict, Timeline, TimeMode, MessageKey } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */
/** @typedef {{status: number, events: number, snapshot: number, dependencies: number, inferred: number}} StartCounts */

/** The roles of a joined run's sources: the keys of their labels and titles. @type {Record<string, {label: MessageKey, title: MessageKey}>} */
const ROLE = {
  status: { label: "role.status", title: "role.status.title" },
  events: { label: "role.events", title: "role.events.title" },
};

/**
 * sources: [{name, format, role, docId}]; o: {runId, snapshots, m, onOpen(docId)}
 * @param {readonly JoinSource[]} sources @param {{runId?: string, snapshots?: number, m: Messages, onOpen?: (docId: number) => void}} o
 */
export function renderSources(sources, o) {
  const m = o.m;
  const list = h("div", { class: "join-list" });
  for (const s of sources) {
    const role = ROLE[s.role];
    list.appendChild(h("button", { type: "button", class: "src-chip", "data-testid": "join-source", "data-role": s.role,
      title: m.t("sources.open", { name: s.name, role: role ? m.t(role.title) : s.role }), onclick: () => o.onOpen && o.onOpen(s.docId) },
    h("span", { class: ["role", "role-" + s.role] }, role ? m.t(role.label) : s.role),
    h("span", { class: "src-name" }, s.name),
    h("span", { class: "fmt" }, formatLabel(s.format, m))));
  }
  const statuses = sources.filter((s) => s.role === "status").length;
  return h("div", { class: "card join-sources", "data-testid": "join-sources" },
    h("div", { class: "join-line" },
      h("span", { class: "fact-k" }, m.t("sources.oneRun", { n: sources.length })),
      list),
    h("p", { class: "muted small join-note" },
      m.tx("sources.keys", { id: h("span", { class: "mono" }, o.runId || "—") }),
      statuses > 1 ? m.t("sources.snapshots", { n: statuses }) : "",
      sources.some((s) => s.role === "events") ? m.t("sources.events") : "",
      m.t("sources.own")));
}

/**
 * conflicts: [{element, statusPhase, eventsPhase, statusAt, eventsAt}]
 * o: {mode, base, both (a status and an events source joined), onSelect(element)}
 * null when there is nothing to say (snapshots only, no conflict).
 * @param {readonly Conflict[]} conflicts
 * @param {{mode?: TimeMode, base?: number | null, both?: boolean, m: Messages, onSelect?: (element: string) => void}} o
 */
export function renderConflicts(conflicts, o) {
  const m = o.m;
  if (!conflicts.length) {
    if (!o.both) return null;
    return h("div", { class: "note ok-note", "data-testid": "conflicts-none", role: "note" },
      h("span", { "aria-hidden": "true" }, "✓ "), m.t("conflicts.agree"));
  }
  const body = h("tbody");
  for (const c of conflicts) {
    body.appendChild(h("tr", { "data-testid": "conflict", "data-element": c.element, tabindex: "0", title: m.t("conflicts.show", { el: c.element }),
      onclick: () => o.onSelect && o.onSelect(c.element),
      onkeydown: (/** @type {KeyboardEvent} */ e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); if (o.onSelect) o.onSelect(c.element); } } },
    h("td", { class: "mono" }, c.element),
    h("td", null, phaseBadge(c.statusPhase, m, { testid: "conflict-status" }),
      c.statusAt != null ? h("span", { class: "muted small mono-num cf-at", title: fmtIso(c.statusAt) }, m.t("conflicts.at", { time: fmtTime(c.statusAt, o.mode || "utc", o.base, m) })) : null),
    h("td", null, phaseBadge(c.eventsPhase, m, { testid: "conflict-events" }),
      c.eventsAt != null ? h("span", { class: "muted small mono-num cf-at", title: fmtIso(c.eventsAt) }, m.t("conflicts.at", { time: fmtTime(c.eventsAt, o.mode || "utc", o.base, m) })) : null)));
  }
  return h("section", { class: "panel conflicts", id: "sec-conflicts", "data-testid": "conflicts", "aria-label": m.t("conflicts.label") },
    h("header", { class: "panel-head" },
      h("h3", null, m.t("conflicts.title")),
      h("span", { class: "pill pill-warn", "data-testid": "conflict-count" }, m.t("conflicts.count", { n: conflicts.length })),
      h("span", { class: "muted small" }, m.t("conflicts.hint"))),
    h("div", { class: "panel-body" },
      h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": m.t("conflicts.title") },
        h("table", { class: "grid conflicts-table" },
          h("thead", null, h("tr", null, h("th", null, m.t("conflicts.element")), h("th", null, m.t("conflicts.status")), h("th", null, m.t("conflicts.events")))),
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
/** @param {StartCounts} n @param {Messages} m */
export function renderStartSources(n, m) {
  /** @type {(keyof StartCounts)[]} */
  const keys = ["status", "events", "snapshot", "dependencies", "inferred"];
  const parts = keys.filter((k) => n[k]);
  if (!parts.length) return null;
  return h("div", { class: "start-sources", "data-testid": "start-sources" },
    h("span", { class: "fact-k" }, m.t("starts.title")),
    ...parts.map((k) => h("span", { class: ["src-count", "src-" + k], "data-source": k, title: startSource(k, m).text },
      h("span", { class: ["pill", "src-pill", "src-" + k] }, startSource(k, m).label),
      " ", h("strong", { class: "mono-num" }, m.num(n[k])))),
    h("span", { class: "muted small" }, m.t("starts.hint")));
}
