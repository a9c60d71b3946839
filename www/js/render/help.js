// @ts-check
// The keyboard-shortcut overlay ("?").
import { h } from "../dom.js";
import { GRAPH_TEXT } from "./graph-text.js";

/** @type {[string, [string, string][]][]} */
export const SHORTCUTS = [
  ["General", [
    ["?", "Show / hide this help"],
    ["Esc", "Close help, menus, the paste box, the details panel"],
    ["O", "Open files…"],
    ["P", "Paste a payload"],
    ["M", "Samples menu"],
    ["T", "Theme: auto → dark → light"],
    ["U", "Time: UTC → local → relative"],
    ["1 – 9", "Go to tab 1 – 9 (payloads, then joined runs)"],
    ["[  ]", "Previous / next tab"],
    ["X", "Close the current tab (a joined run: its payloads stay open)"],
  ]],
  ["Timeline", [
    ["W  +", "Zoom in"],
    ["S  −", "Zoom out"],
    ["A  D  ←  →", "Pan left / right"],
    ["F  0", "Fit the whole run"],
    ["J  K  ↓  ↑", "Next / previous lane"],
    ["Enter", "Open the selected lane's details"],
    ["E", "Jump to the first failure"],
    ["Wheel", "Zoom at the pointer (Shift+wheel, or wheel over names: scroll)"],
    ["Drag", "Pan (and scroll lanes)"],
    ["Double-click", "Zoom to a span"],
  ]],
  [GRAPH_TEXT.keysTitle, GRAPH_TEXT.keys],
  ["Events", [
    ["/", "Search events"],
    ["L", "Language: 中文 → English → both"],
  ]],
];

/** @param {() => void} onClose */
export function renderHelp(onClose) {
  const sections = SHORTCUTS.map(([title, rows]) => h("section", { class: "help-sec" },
    h("h3", null, title),
    h("table", { class: "keys" }, h("tbody", null, ...rows.map(([k, d]) => h("tr", null,
      h("td", null, ...k.split(/\s{2}/).map((x) => h("kbd", null, x))),
      h("td", null, d)))))));
  return h("div", { class: "help-box", role: "dialog", "aria-modal": "true", "aria-label": "Keyboard shortcuts" },
    h("div", { class: "help-head" },
      h("h2", null, "Keyboard shortcuts"),
      h("button", { type: "button", class: "icon-btn", "aria-label": "Close", title: "Close (Esc)", onclick: onClose }, "✕")),
    h("div", { class: "help-grid" }, ...sections),
    h("p", { class: "muted small" }, "An execution and its events (or several snapshots of one execution) opened together are joined into one run: a ⋈ tab. The polling replay has its own keys: Space play / pause, → step, ← back, Home reset."),
    h("p", { class: "muted small" }, "The view (tab, run, filters, zoom, time mode, theme) is kept in the address bar's #hash — never the payload. Nothing you open leaves this page."));
}
