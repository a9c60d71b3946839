// @ts-check
// The graph as text: every element, its type and phase, and what it depends on,
// as a list a screen reader reads (the canvas is only pixels), each name a
// button that selects the element; and what the template gets wrong (the
// graph's warnings). Built when first opened: 5,000 elements are 5,000 items.
import { h, clipped } from "../dom.js";
import { phaseName } from "../fmt.js";

/** @import { GraphModel } from "./graph-model.js" */
/** @import { Warning } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */

/** A name or type in the list shows at most this many characters (with a button copying all of it). */
const LIST_CHARS = 400;

/**
 * @param {GraphModel} m @param {{onSelect: (id: string) => void, msg: Messages}} o  (msg: the interface's words)
 * @returns {HTMLDetailsElement}
 */
export function renderGraphList(m, o) {
  const msg = o.msg;
  const list = h("ul", { class: "graph-list", "data-testid": "graph-list" });
  const el = h("details", { class: "graph-list-box", "data-testid": "graph-list-box" },
    h("summary", null, msg.t("graph.listTitle", { n: m.nodes.length })), list);
  let built = false;
  el.addEventListener("toggle", () => {
    if (!el.open || built) return;
    built = true;
    const frag = document.createDocumentFragment();
    m.nodes.forEach((nd, i) => {
      const deps = m.deps[i];
      /** @type {(Node | string)[]} */
      const depItems = [];
      deps.forEach((j, k) => {
        if (k) depItems.push(", ");
        depItems.push(h("span", { class: "mono", "data-testid": "graph-item-dep" }, clipped(m.nodes[j].id, LIST_CHARS, false, msg)));
      });
      frag.appendChild(h("li", { "data-testid": "graph-item", "data-index": String(i) },
        h("button", { type: "button", class: "linkbtn mono gl-name", "data-testid": "graph-item-name", title: msg.t("graph.listSelect", { name: nd.id.slice(0, 200) }), onclick: () => o.onSelect(nd.id) }, clipped(nd.id, LIST_CHARS, false, msg)),
        " ",
        h("span", { class: "tag", "data-testid": "graph-item-type" }, nd.type != null ? clipped(nd.type, LIST_CHARS, false, msg) : msg.t("graph.noType")),
        " ",
        h("span", { class: "muted small", "data-testid": "graph-item-phase" }, nd.phase ? phaseName(nd.phase, msg) : msg.t("graph.notInRun")),
        h("span", { class: "gl-deps" }, msg.t("graph.listDependsOn"), depItems.length ? depItems : h("span", { class: "muted" }, msg.t("graph.nothing")))));
    });
    list.appendChild(frag);
  });
  return el;
}

/**
 * What the template gets wrong (cycles, unknown dependencies…): the core's messages (English, marked so), as text.
 * @param {readonly Warning[]} warnings @param {Messages} m
 */
export function renderGraphWarnings(warnings, m) {
  if (!warnings.length) return null;
  return h("details", { class: "graph-warnings", "data-testid": "graph-warnings" },
    h("summary", null, m.t("graph.warningsTitle", { n: warnings.length })),
    h("ul", null, ...warnings.slice(0, 200).map((w) => h("li", null,
      h("span", { class: "gw-code mono" }, w.code), " ",
      h("span", { class: "gw-msg", lang: "en" }, clipped(w.message, 2000, false, m)),
      w.path ? h("span", { class: "muted small mono" }, " ", clipped(w.path, 500, false, m)) : null))));
}
