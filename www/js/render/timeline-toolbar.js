// @ts-check
// The timeline's toolbar (zoom buttons, the lane filter, the lane count, the
// visible range, the hint) and its legend.
import { h, append, clear } from "../dom.js";
import { PHASES, phaseClass } from "../fmt.js";
import { TEXT } from "./timeline-text.js";

/** @import { MarkerKind } from "../types.js" */

/**
 * @param {{zoomIn: () => void, zoomOut: () => void, fit: () => void, filter: (text: string) => void}} on
 */
export function makeToolbar(on) {
  const filterInput = h("input", {
    type: "search", class: "input small", placeholder: TEXT.filterPlaceholder, "aria-label": TEXT.filterLabel,
    "data-testid": "lane-filter", oninput: () => on.filter(filterInput.value),
  });
  const countEl = h("span", { class: "muted small", "data-testid": "lane-count" });
  const rangeEl = h("span", { class: "muted small mono-num tl-range", "data-testid": "timeline-range" });
  /** @param {string} label @param {string} title @param {() => void} fn @param {string} testid */
  const btn = (label, title, fn, testid) => h("button", { type: "button", class: "btn small", title, "aria-label": title, "data-testid": testid, onclick: fn }, label);
  const el = h("div", { class: "tl-toolbar" },
    h("div", { class: "btn-group" },
      btn(TEXT.zoomOut, TEXT.zoomOutTitle, on.zoomOut, "zoom-out"),
      btn(TEXT.zoomIn, TEXT.zoomInTitle, on.zoomIn, "zoom-in"),
      btn(TEXT.fit, TEXT.fitTitle, on.fit, "zoom-fit")),
    filterInput, countEl, h("span", { class: "spacer" }), rangeEl,
    h("span", { class: "muted small tl-hint" }, TEXT.hint));
  return { el, filterInput, countEl, rangeEl };
}

/** The legend's items; frames add the tick of "an event here". @param {HTMLElement} el @param {"objects" | "frames"} kind */
export function fillLegend(el, kind) {
  /** @param {string} cls @param {string} text */
  const item = (cls, text) => h("span", { class: "lg" }, h("span", { class: cls }), text);
  const markers = /** @type {MarkerKind[]} */ (["start", "success", "failure", "other"]);
  append(clear(el), [
    ...PHASES.map((p) => item("sw " + phaseClass(p), TEXT.phase(p))),
    item("sw sw-inferred", TEXT.inferredStart),
    item("sw sw-open", TEXT.stillOpen),
    ...markers.map((k) => item("mk mk-" + k, TEXT.markerLegend[k])),
    kind === "frames" ? item("mk mk-tick", TEXT.anyEvent) : null]);
}
