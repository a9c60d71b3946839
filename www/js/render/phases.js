// @ts-check
// Phase chips with counts; they filter the timeline lanes and the events.
import { h } from "../dom.js";
import { PHASES, phaseClass, phaseName } from "../fmt.js";

/** @import { Phase, PhaseCounts } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */

/**
 * counts: PhaseCounts; active: Set<Phase> (empty = all); onChange(Set)
 * Click toggles a phase; Alt/Shift-click shows only that phase; "All" clears.
 * @param {PhaseCounts} counts @param {ReadonlySet<Phase>} active @param {(set: Set<Phase>) => void} onChange @param {Messages} m
 */
export function renderPhaseChips(counts, active, onChange, m) {
  const total = PHASES.reduce((a, p) => a + (counts[p] || 0), 0);
  const wrap = h("div", { class: "chips", "data-testid": "phase-chips", role: "group", "aria-label": m.t("chips.label") });
  wrap.appendChild(h("button", {
    type: "button", class: ["chip", "chip-all", active.size === 0 ? "on" : ""], "aria-pressed": String(active.size === 0),
    "data-phase": "all", title: m.t("chips.allTitle"),
    onclick: () => onChange(new Set()),
  }, m.t("chips.all"), h("span", { class: "chip-n" }, m.num(total))));
  for (const p of PHASES) {
    const n = counts[p] || 0;
    const on = active.has(p);
    wrap.appendChild(h("button", {
      type: "button",
      class: ["chip", phaseClass(p), on ? "on" : "", n === 0 ? "zero" : ""],
      "aria-pressed": String(on),
      "data-phase": p,
      title: m.t(on ? "chips.stop" : "chips.only", { phase: phaseName(p, m) }),
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
    }, h("span", { class: "dot", "aria-hidden": "true" }), phaseName(p, m), h("span", { class: "chip-n" }, m.num(n))));
  }
  return wrap;
}
