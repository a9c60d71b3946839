// @ts-check
// The time-display switch (UTC / local / relative) of the page and the replay.
import { h, clear } from "../dom.js";
import { TIME_MODES } from "../fmt.js";

/** @import { TimeMode } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */

/** Fill `seg` with one radio button per time mode, `current` checked; a click calls onPick(mode). */
/** @param {HTMLElement} seg @param {TimeMode} current @param {(mode: TimeMode) => void} onPick @param {Messages} m */
export function renderTimeModeSwitch(seg, current, onPick, m) {
  clear(seg);
  for (const t of TIME_MODES) {
    seg.appendChild(h("button", { type: "button", role: "radio", "aria-checked": String(current === t.id), class: current === t.id ? "on" : "",
      title: m.t(t.title) + " (U)", "data-mode": t.id, onclick: () => onPick(t.id) }, m.t(t.label)));
  }
}

/** The mode after `current` (the U key). */
/** @param {TimeMode} current @returns {TimeMode} */
export function nextTimeMode(current) {
  return TIME_MODES[(TIME_MODES.findIndex((m) => m.id === current) + 1) % TIME_MODES.length].id;
}
