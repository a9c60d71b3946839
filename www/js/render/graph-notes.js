// @ts-check
// What the graph says in words: the root cause of a failure and what it took
// down (in the summary, with the button that highlights them), the critical
// path with its total and each step's share, the details of a template element
// the run does not report, and the details panel's link to a root cause. All
// from the core's graph (rootCauses, criticalPath): nothing is re-derived here.
import { h, clipped } from "../dom.js";
import { fmtDuration, fmtNum } from "../fmt.js";
import { GRAPH_TEXT as T, fill } from "./graph-text.js";

/** @import { Graph, GraphNode, Child } from "../types.js" */

/** Names shown in a sentence before "… and N more". */
const NAMES = 20;
/** Root causes listed in the summary before "and N more root causes". */
const CAUSES = 5;
/** A name in a sentence shows at most this many characters (with a button copying all of it). */
const NAME_CHARS = 400;

/**
 * The root causes in words: "Root cause: shop-api-deployment (UpgradeFailed) —
 * took down 4 elements: shop-web-deployment, …" and a button that highlights
 * them. Null when the run's graph has no dependencies (without a template every
 * failed element would be its own root cause that took down nothing) or no root cause.
 * @param {Graph} graph
 * @param {{reasonOf: (id: string) => string | null, on: boolean, onToggle: () => void, onSelect: (id: string) => void}} o
 */
export function renderRootCause(graph, o) {
  if (!graph.edges.length || !graph.rootCauses.length) return null;
  const name = (/** @type {string} */ id) => h("button", { type: "button", class: "linkbtn mono rc-name", onclick: () => o.onSelect(id) }, clipped(id, NAME_CHARS));
  const lines = graph.rootCauses.slice(0, CAUSES).map((rc, k) => {
    const reason = o.reasonOf(rc.element);
    const n = rc.affected.length;
    /** @type {Child[]} */
    const parts = [k === 0 ? (graph.rootCauses.length === 1 ? T.rootCause : T.rootCauses) + ": " : "", name(rc.element)];
    if (reason) parts.push(" (", clipped(reason, NAME_CHARS), ")");
    parts.push(" — ", n === 0 ? T.tookDownNone : n === 1 ? T.tookDownOne : fill(T.tookDown, { n: fmtNum(n) }));
    rc.affected.slice(0, NAMES).forEach((id, j) => parts.push(j ? ", " : " ", name(id)));
    if (n > NAMES) parts.push(" … +" + fmtNum(n - NAMES));
    return h("div", { class: "rc-line", "data-testid": k === 0 ? "root-cause-text" : "root-cause-more" }, parts);
  });
  const more = graph.rootCauses.length - CAUSES;
  return h("div", { class: "root-cause", "data-testid": "root-cause" },
    h("div", { class: "rc-text" }, lines, more > 0 ? h("div", { class: "muted small" }, fill(T.moreRootCauses, { n: fmtNum(more) })) : null),
    h("button", { type: "button", class: ["btn", "small", o.on ? "on" : ""], "aria-pressed": String(o.on), title: T.highlightRootTitle, "data-testid": "root-cause-highlight", onclick: o.onToggle },
      o.on ? T.highlightOff : T.highlightRoot));
}

/**
 * The critical path: its steps in order, a bar of their shares, the total.
 * `steps` is graph-model.js pathSteps() (null: no times to measure).
 * @param {Graph} graph @param {{total: number, steps: {id: string, ms: number, share: number}[]} | null} steps
 * @param {{onSelect: (id: string) => void}} o
 */
export function renderCriticalPath(graph, steps, o) {
  const box = h("div", { class: "crit", "data-testid": "critical-path" });
  if (!graph.criticalPath.length) {
    box.appendChild(h("p", { class: "muted small" }, T.criticalNone));
    return box;
  }
  box.appendChild(h("div", { class: "crit-head" },
    h("span", { class: "fact-k" }, T.criticalPath),
    steps ? h("span", { class: "mono-num", "data-testid": "critical-total" }, fmtDuration(steps.total)) : null,
    steps ? h("span", { class: "muted small" }, T.criticalTotal) : null));
  const pct = (/** @type {number} */ s) => (s * 100).toFixed(s > 0 && s < 0.01 ? 1 : 0) + "%";
  if (steps && steps.total > 0) {
    box.appendChild(h("div", { class: "crit-bar", "aria-hidden": "true" }, ...steps.steps.filter((s) => s.share > 0).map((s) => h("span", {
      class: "crit-seg", style: { flexGrow: String(s.share) },
      title: fill(T.criticalShareTitle, { name: s.id.slice(0, 200), dur: fmtDuration(s.ms), pct: pct(s.share) }),
    }))));
  }
  const list = h("ol", { class: "crit-steps" });
  graph.criticalPath.forEach((id, k) => {
    const s = steps ? steps.steps[k] : null;
    list.appendChild(h("li", { "data-testid": "critical-step" },
      h("button", { type: "button", class: "linkbtn mono", onclick: () => o.onSelect(id) }, clipped(id, NAME_CHARS)),
      s ? h("span", { class: "muted small mono-num", "data-testid": "critical-share" }, " " + fmtDuration(s.ms) + " · " + pct(s.share)) : null));
  });
  box.appendChild(list);
  return box;
}

/**
 * The details of an element the template declares and the run does not report.
 * @param {GraphNode} node @param {string[]} deps @param {string[]} dependents @param {() => void} onClose
 */
export function renderNodeDetails(node, deps, dependents, onClose) {
  const list = (/** @type {string[]} */ ids) => ids.length ? ids.slice(0, 100).map((id, k) => [k ? ", " : "", h("span", { class: "mono" }, clipped(id, NAME_CHARS))]) : T.listNothing;
  return h("aside", { class: "details", "data-testid": "details", "aria-label": T.nodeKicker },
    h("div", { class: "det-head" },
      h("div", { class: "det-title" },
        h("div", { class: "kicker" }, T.nodeKicker),
        h("div", { class: "det-name mono", "data-testid": "details-name" }, clipped(node.id, 500, true))),
      h("button", { type: "button", class: "icon-btn", title: T.close, "aria-label": T.close, "data-testid": "details-close", onclick: onClose }, "✕")),
    node.type != null ? h("div", { class: "det-badges" }, h("span", { class: "tag" }, clipped(node.type, 2000))) : null,
    h("p", { class: "muted small" }, T.nodeNotInRun),
    h("dl", { class: "kv" },
      h("dt", null, T.detailsDependsOn), h("dd", null, list(deps)),
      h("dt", null, T.detailsNeededBy), h("dd", null, list(dependents))));
}

/**
 * The details panel's line naming the root cause that took this element down.
 * @param {string} element @param {() => void} onShow
 */
export function rootCauseLink(element, onShow) {
  return h("div", { class: "det-root", "data-testid": "details-root-cause" },
    h("span", { class: "muted" }, T.detailsRootCause + ": "),
    h("button", { type: "button", class: "linkbtn mono", title: T.detailsRootCauseTitle, onclick: onShow }, clipped(element, 500)));
}
