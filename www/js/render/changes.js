// @ts-check
// What changed between polled snapshots (the core's Workspace.changes): grouped
// by the snapshot where each change was first seen, newest first; the run's own
// phase and progress first in each group, then every element whose phase moved.
import { h } from "../dom.js";
import { fmtTime, fmtIso } from "../fmt.js";
import { phaseBadge } from "./summary.js";

/** @import { Change, Phase, TimeMode } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */
/** @typedef {{m: Messages, mode?: TimeMode, base?: number | null, latest?: number, onSelect?: (element: string) => void}} ChangesOpts */

/**
 * changes: [{snapshot, at, element, field, from, to}]
 * o: {mode, base, latest (snapshot index to mark as new), onSelect(element), limit}
 * @param {readonly Change[]} changes @param {ChangesOpts} o
 */
export function renderChanges(changes, o) {
  const m = o.m;
  const wrap = h("div", { class: "changes", "data-testid": "changes", "data-count": String(changes.length) });
  if (!changes.length) {
    wrap.appendChild(h("p", { class: "muted small", "data-testid": "changes-none" }, m.t("chg.none")));
    return wrap;
  }
  /** @type {Map<number, Change[]>} */
  const groups = new Map();
  for (const c of changes) {
    if (!groups.has(c.snapshot)) groups.set(c.snapshot, []);
    groups.get(c.snapshot)?.push(c);
  }
  const order = [...groups.keys()].sort((a, b) => b - a);
  const list = h("ol", { class: "chg-groups", reversed: true });
  for (const k of order) {
    const items = (groups.get(k) || []).slice().sort((a, b) => (a.element == null ? -1 : 0) - (b.element == null ? -1 : 0));
    const at = items.find((c) => c.element == null)?.at ?? items[0].at;
    const ul = h("ul", { class: "chg-list" });
    for (const c of items) ul.appendChild(changeItem(c, o));
    list.appendChild(h("li", { class: ["chg-group", k === o.latest ? "new" : ""], "data-testid": "change-group", "data-snapshot": String(k) },
      h("div", { class: "chg-head" },
        h("span", { class: "chg-poll" }, m.t("chg.snapshot", { k: k + 1 })),
        at != null ? h("span", { class: "mono-num muted", title: fmtIso(at) }, fmtTime(at, o.mode || "utc", o.base, m)) : null,
        h("span", { class: "muted small" }, m.t("chg.count", { n: items.length })),
        k === o.latest ? h("span", { class: "pill pill-open" }, m.t("chg.new")) : null),
      ul));
  }
  wrap.appendChild(list);
  return wrap;
}

/** @param {Change} c @param {ChangesOpts} o */
function changeItem(c, o) {
  const el = c.element;
  const m = o.m;
  const what = el == null
    ? h("span", { class: "chg-el run" }, m.t(c.field === "progress" ? "chg.progress" : "chg.phase"))
    : h("button", { type: "button", class: "linkbtn chg-el mono", title: m.t("chg.show", { el }),
      onclick: () => o.onSelect && o.onSelect(el) }, el);
  const val = (/** @type {string | null} */ v) => {
    if (c.field === "progress") return h("span", { class: "mono-num chg-pct" }, v == null ? "—" : v + "%");
    return v == null ? h("span", { class: "muted small" }, m.t("chg.absent")) : phaseBadge(/** @type {Phase} */ (v), m);
  };
  return h("li", { class: "chg", "data-testid": "change", "data-field": c.field, "data-element": c.element ?? "" },
    what, h("span", { class: "chg-vals" }, val(c.from), h("span", { class: "chg-arrow", "aria-hidden": "true" }, "→"), val(c.to)));
}
