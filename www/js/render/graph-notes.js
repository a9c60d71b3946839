// @ts-check
// What the graph says in words: the root cause of a failure and what it took
// down (in the summary, with the button that highlights them), the critical
// path with its total and each step's share, the details of a template element
// the run does not report, and the details panel's link to a root cause. All
// from the core's graph (rootCauses, criticalPath): nothing is re-derived here.
import { h, clipped } from "../dom.js";
import { fmtDuration, fmtNum } from "../fmt.js";

/** @import { Graph, GraphNode, Child } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */

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
 * reasonOf gives an element's reason as shown (the half picked) and its language.
 * @param {{reasonOf: (id: string) => {text: string, lang: "zh" | "en" | null} | null, on: boolean, onToggle: () => void, onSelect: (id: string) => void, m: Messages}} o
 */
export function renderRootCause(graph, o) {
  if (!graph.edges.length || !graph.rootCauses.length) return null;
  const m = o.m;
  const name = (/** @type {string} */ id) => h("button", { type: "button", class: "linkbtn mono rc-name", onclick: () => o.onSelect(id) }, clipped(id, NAME_CHARS, false, m));
  const lines = graph.rootCauses.slice(0, CAUSES).map((rc, k) => {
    const reason = o.reasonOf(rc.element);
    const n = rc.affected.length;
    /** @type {Child[]} */
    const parts = [k === 0 ? m.t("graph.rootCause", { n: graph.rootCauses.length }) : "", name(rc.element)];
    if (reason) parts.push(" (", h("span", { lang: reason.lang }, clipped(reason.text, NAME_CHARS, false, m)), ")");
    parts.push(n === 0 ? m.t("graph.tookDownNone") : m.t("graph.tookDown", { n }));
    rc.affected.slice(0, NAMES).forEach((id, j) => parts.push(j ? ", " : " ", name(id)));
    if (n > NAMES) parts.push(" … +" + fmtNum(n - NAMES, m));
    return h("div", { class: "rc-line", "data-testid": k === 0 ? "root-cause-text" : "root-cause-more" }, parts);
  });
  const more = graph.rootCauses.length - CAUSES;
  return h("div", { class: "root-cause", "data-testid": "root-cause" },
    h("div", { class: "rc-text" }, lines, more > 0 ? h("div", { class: "muted small" }, m.t("graph.moreRootCauses", { n: more })) : null),
    h("button", { type: "button", class: ["btn", "small", o.on ? "on" : ""], "aria-pressed": String(o.on), title: m.t("graph.highlightRootTitle"), "data-testid": "root-cause-highlight", onclick: o.onToggle },
      m.t(o.on ? "graph.highlightOff" : "graph.highlightRoot")));
}

/**
 * The critical path: its steps in order, a bar of their shares, the total.
 * `steps` is graph-model.js pathSteps() (null: no times to measure).
 * @param {Graph} graph @param {{total: number, steps: {id: string, ms: number, share: number}[]} | null} steps
 * @param {{onSelect: (id: string) => void, m: Messages}} o
 */
export function renderCriticalPath(graph, steps, o) {
  const m = o.m;
  const box = h("div", { class: "crit", "data-testid": "critical-path" });
  if (!graph.criticalPath.length) {
    box.appendChild(h("p", { class: "muted small" }, m.t("graph.criticalNone")));
    return box;
  }
  box.appendChild(h("div", { class: "crit-head" },
    h("span", { class: "fact-k" }, m.t("graph.criticalPath")),
    steps ? h("span", { class: "mono-num", "data-testid": "critical-total" }, fmtDuration(steps.total, m)) : null,
    steps ? h("span", { class: "muted small" }, m.t("graph.criticalTotal")) : null));
  const pct = (/** @type {number} */ s) => m.dec(s * 100, s > 0 && s < 0.01 ? 1 : 0) + "%";
  if (steps && steps.total > 0) {
    box.appendChild(h("div", { class: "crit-bar", "aria-hidden": "true" }, ...steps.steps.filter((s) => s.share > 0).map((s) => h("span", {
      class: "crit-seg", style: { flexGrow: String(s.share) },
      title: m.t("graph.criticalShareTitle", { name: s.id.slice(0, 200), dur: fmtDuration(s.ms, m), pct: pct(s.share) }),
    }))));
  }
  const list = h("ol", { class: "crit-steps" });
  graph.criticalPath.forEach((id, k) => {
    const s = steps ? steps.steps[k] : null;
    list.appendChild(h("li", { "data-testid": "critical-step" },
      h("button", { type: "button", class: "linkbtn mono", onclick: () => o.onSelect(id) }, clipped(id, NAME_CHARS, false, m)),
      s ? h("span", { class: "muted small mono-num", "data-testid": "critical-share" }, " " + fmtDuration(s.ms, m) + " · " + pct(s.share)) : null));
  });
  box.appendChild(list);
  return box;
}

/**
 * The details of an element the template declares and the run does not report.
 * @param {GraphNode} node @param {string[]} deps @param {string[]} dependents @param {() => void} onClose @param {Messages} m
 */
export function renderNodeDetails(node, deps, dependents, onClose, m) {
  const list = (/** @type {string[]} */ ids) => ids.length ? ids.slice(0, 100).map((id, k) => [k ? ", " : "", h("span", { class: "mono" }, clipped(id, NAME_CHARS, false, m))]) : m.t("graph.nothing");
  return h("aside", { class: "details", "data-testid": "details", "aria-label": m.t("graph.nodeKicker") },
    h("div", { class: "det-head" },
      h("div", { class: "det-title" },
        h("div", { class: "kicker" }, m.t("graph.nodeKicker")),
        h("div", { class: "det-name mono", "data-testid": "details-name" }, clipped(node.id, 500, true, m))),
      h("button", { type: "button", class: "icon-btn", title: m.t("det.close"), "aria-label": m.t("det.closeLabel"), "data-testid": "details-close", onclick: onClose }, "✕")),
    node.type != null ? h("div", { class: "det-badges" }, h("span", { class: "tag" }, clipped(node.type, 2000, false, m))) : null,
    h("p", { class: "muted small" }, m.t("graph.nodeNotInRun")),
    h("dl", { class: "kv" },
      h("dt", null, m.t("graph.detailsDependsOn")), h("dd", null, list(deps)),
      h("dt", null, m.t("graph.detailsNeededBy")), h("dd", null, list(dependents))));
}

/**
 * The details panel's line naming the root cause that took this element down.
 * @param {string} element @param {() => void} onShow @param {Messages} m
 */
export function rootCauseLink(element, onShow, m) {
  return h("div", { class: "det-root", "data-testid": "details-root-cause" },
    h("span", { class: "muted" }, m.t("graph.detailsRootCause")),
    h("button", { type: "button", class: "linkbtn mono", title: m.t("graph.detailsRootCauseTitle"), onclick: onShow }, clipped(element, 500, false, m)));
}
