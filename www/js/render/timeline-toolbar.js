// @ts-check
// The timeline's toolbar (zoom buttons, the lane filter, the lane count, the
// visible range, the hint) and its legend.
import { h, append, clear } from "../dom.js";
import { PHASES, phaseClass, phaseName } from "../fmt.js";

/** @import { MarkerKind, MessageKey } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */

/**
 * @param {{zoomIn: () => void, zoomOut: () => void, fit: () => void, filter: (text: string) => void}} on
 * @param {Messages} m
 */
export function makeToolbar(on, m) {
  const filterInput = h("input", {
    type: "search", class: "input small", placeholder: m.t("tl.filterPlaceholder"), "aria-label": m.t("tl.filterLabel"),
    "data-testid": "lane-filter", oninput: () => on.filter(filterInput.value),
  });
  const countEl = h("span", { class: "muted small", "data-testid": "lane-count" });
  const rangeEl = h("span", { class: "muted small mono-num tl-range", "data-testid": "timeline-range" });
  /** @param {string} label @param {string} title @param {() => void} fn @param {string} testid */
  const btn = (label, title, fn, testid) => h("button", { type: "button", class: "btn small", title, "aria-label": title, "data-testid": testid, onclick: fn }, label);
  const el = h("div", { class: "tl-toolbar" },
    h("div", { class: "btn-group" },
      btn("−", m.t("tl.zoomOutTitle"), on.zoomOut, "zoom-out"),
      btn("+", m.t("tl.zoomInTitle"), on.zoomIn, "zoom-in"),
      btn(m.t("tl.fit"), m.t("tl.fitTitle"), on.fit, "zoom-fit")),
    filterInput, countEl, h("span", { class: "spacer" }), rangeEl,
    h("span", { class: "muted small tl-hint" }, m.t("tl.hint")));
  return { el, filterInput, countEl, rangeEl };
}

/** The legend's words per marker kind. @type {Record<MarkerKind, MessageKey>} */
const MARKER_LEGEND = { start: "marker.start", success: "marker.success", failure: "marker.failure", other: "tl.otherEvent" };

/** The legend's items; frames add the tick of "an event here". @param {HTMLElement} el @param {"objects" | "frames"} kind @param {Messages} m */
export function fillLegend(el, kind, m) {
  /** @param {string} cls @param {string} text */
  const item = (cls, text) => h("span", { class: "lg" }, h("span", { class: cls }), text);
  const markers = /** @type {MarkerKind[]} */ (["start", "success", "failure", "other"]);
  append(clear(el), [
    ...PHASES.map((p) => item("sw " + phaseClass(p), phaseName(p, m))),
    item("sw sw-inferred", m.t("tl.inferredStart")),
    item("sw sw-open", m.t("tl.stillOpen")),
    ...markers.map((k) => item("mk mk-" + k, m.t(MARKER_LEGEND[k]))),
    kind === "frames" ? item("mk mk-tick", m.t("tl.anyEvent")) : null]);
}
