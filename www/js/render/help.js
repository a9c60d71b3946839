// @ts-check
// The keyboard-shortcut overlay ("?"): a modal dialog in the interface's language.
import { h } from "../dom.js";

/** @import { MessageKey } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */

/**
 * The shortcuts: sections, and per row the keys (two spaces between keys; a
 * key that is a word is a message key) and what they do.
 * @type {[MessageKey, [string, MessageKey][]][]}
 */
export const SHORTCUTS = [
  ["help.general", [
    ["?", "help.k.help"],
    ["help.key.esc", "help.k.esc"],
    ["O", "help.k.open"],
    ["P", "help.k.paste"],
    ["M", "help.k.samples"],
    ["T", "help.k.theme"],
    ["U", "help.k.time"],
    ["1 – 9", "help.k.tabs"],
    ["[  ]", "help.k.step"],
    ["X", "help.k.close"],
  ]],
  ["help.timeline", [
    ["W  +", "help.k.zoomIn"],
    ["S  −", "help.k.zoomOut"],
    ["A  D  ←  →", "help.k.pan"],
    ["F  0", "help.k.fit"],
    ["J  K  ↓  ↑", "help.k.lanes"],
    ["help.key.enter", "help.k.enter"],
    ["E", "help.k.failure"],
    ["help.key.wheel", "help.k.wheel"],
    ["help.key.drag", "help.k.drag"],
    ["help.key.dblclick", "help.k.dblclick"],
  ]],
  ["help.graph", [
    ["G", "help.k.show"],
    ["↑  ↓", "help.k.gDeps"],
    ["←  →", "help.k.gColumn"],
    ["help.key.enter", "help.k.gEnter"],
    ["W  S  +  −", "help.k.gZoom"],
    ["F  0", "help.k.gFit"],
    ["help.key.hover", "help.k.gHover"],
  ]],
  ["help.laneTable", [
    ["↓  ↑", "help.k.tRows"],
    ["help.key.enter", "help.k.tEnter"],
  ]],
  ["help.events", [
    ["/", "help.k.search"],
    ["L", "help.k.lang"],
  ]],
];

/** A key as shown: a word from the catalog, else itself. @param {string} k @param {Messages} m */
function keyName(k, m) {
  return k.startsWith("help.key.") ? m.t(/** @type {MessageKey} */ (k)) : k;
}

/** @param {() => void} onClose @param {Messages} m */
export function renderHelp(onClose, m) {
  const sections = SHORTCUTS.map(([title, rows]) => h("section", { class: "help-sec" },
    h("h3", null, m.t(title)),
    h("table", { class: "keys" }, h("tbody", null, ...rows.map(([k, d]) => h("tr", null,
      h("td", null, ...k.split(/\s{2}/).map((x) => h("kbd", null, keyName(x, m)))),
      h("td", null, m.t(d))))))));
  return h("div", { class: "help-box", role: "dialog", "aria-modal": "true", "aria-labelledby": "help-title" },
    h("div", { class: "help-head" },
      h("h2", { id: "help-title" }, m.t("help.title")),
      h("button", { type: "button", class: "icon-btn", "aria-label": m.t("help.close"), title: m.t("help.closeTitle"), onclick: onClose }, "✕")),
    h("div", { class: "help-grid" }, ...sections),
    h("p", { class: "muted small" }, m.t("help.joined")),
    h("p", { class: "muted small" }, m.t("help.hash")));
}
