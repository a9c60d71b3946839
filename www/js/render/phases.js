// @ts-check
// Phase chips with counts; they filter the timeline lanes and the events.
import { h } from "../dom.js";
import { PHASES, phaseClass, fmtNum } from "../fmt.js";

/** @import { Phase, PhaseCounts } from "../types.js" */

/**
 * counts: PhaseCounts; active: Set<Phase> (empty = all); onChange(Set)
 * Click toggles a phase; Alt/Shift-click shows only that phase; "All" clears.
 * @param {PhaseCounts} counts @param {ReadonlySet<Phase>} active @param {(set: Set<Phase>) => void} onChange
 */
export function renderPhaseChips(counts, active, onChange) {
  const total = PHASES.reduce((a, p) => a + (counts[p] || 0), 0);
  const wrap = h("div", { class: "chips", "data-testid": "phase-chips", role: "group", "aria-label": "Filter by phase" });
  wrap.appendChild(h("button", {
    type: "button", class: ["chip", "chip-all", active.size === 0 ? "on" : ""], "aria-pressed": String(active.size === 0),
    "data-phase": "all", title: "Show every phase",
    onclick: () => onChange(new Set()),
  }, "All", h("span", { class: "chip-n" }, fmtNum(total))));
  for (const p of PHASES) {
    const n = counts[p] || 0;
    const on = active.has(p);
    wrap.appendChild(h("button", {
      type: "button",
      class: ["chip", phaseClass(p), on ? "on" : "", n === 0 ? "zero" : ""],
      "aria-pressed": String(on),
      "data-phase": p,
      title: (on ? "Stop filtering on " : "Show only ") + p + " (Shift-click: only this phase)",
      onclick: (/** @type {MouseEvent} */ e) => {
        /** @type {Set<Phase>} */
        let next;
        if (e.shiftKey || e.altKey) next = new Set(on && active.size === 1 ? [] : [p]);
        else {
          next = new Set(active);
          if (on) next.delete(p); else next.add(p);
        }
        if (next.size === PHASES.length) next = new Set();
        onChange(next);
      },
    }, h("span", { class: "dot", "aria-hidden": "true" }), p, h("span", { class: "chip-n" }, fmtNum(n))));
  }
  return wrap;
}
