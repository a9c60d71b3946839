// @ts-check
// Two runs compared (the core's compare(a, b)): per-element phase and duration
// changes, elements only in one run, the first divergence, objectData differences.
import { h } from "../dom.js";
import { fmtDuration, fmtNum, phaseClass } from "../fmt.js";
import { phaseBadge } from "./summary.js";

/** @import { Comparison, DataComparison, Phase } from "../types.js" */

const LIMIT = 300;

/** @param {number | null} ms */
function delta(ms) {
  if (ms == null) return h("span", { class: "muted" }, "—");
  if (ms === 0) return h("span", { class: "muted" }, "±0");
  return h("span", { class: ms > 0 ? "delta up" : "delta down" }, (ms > 0 ? "+" : "−") + fmtDuration(Math.abs(ms)));
}

/** @param {Phase | null} p */
function phaseCell(p) {
  if (p == null) return h("span", { class: "muted" }, "absent");
  return h("span", { class: ["badge", "small", phaseClass(p)], "data-phase": p }, h("span", { class: "dot" }), p);
}

/** @param {unknown} v */
function show(v) {
  if (v === undefined) return "";
  const s = JSON.stringify(v);
  return s.length > 200 ? s.slice(0, 200) + "…" : s;
}

/** @param {string} label @param {DataComparison} d */
function dataBlock(label, d) {
  const wrap = h("div", { class: "cmp-data", "data-testid": "compare-" + label });
  const head = h("div", { class: "sub-title" }, label, " ");
  wrap.appendChild(head);
  if (d.status === "identical") { head.appendChild(h("span", { class: "pill pill-ok" }, "identical")); return wrap; }
  if (d.status === "unavailable") {
    head.appendChild(h("span", { class: "pill" }, "not comparable"));
    wrap.appendChild(h("p", { class: "muted small" }, "Missing, redacted or not decodable in one of the runs."));
    return wrap;
  }
  head.appendChild(h("span", { class: "pill pill-warn" }, fmtNum(d.differences.length) + (d.truncated ? "+" : "") + " differences"));
  const tb = h("tbody");
  for (const x of d.differences.slice(0, LIMIT)) {
    tb.appendChild(h("tr", { class: "chg-" + x.change },
      h("td", { class: "mono" }, x.path),
      h("td", null, h("span", { class: "pill chg chg-" + x.change }, x.change)),
      h("td", { class: "mono cmp-val" }, show(x.a)),
      h("td", { class: "mono cmp-val" }, show(x.b))));
  }
  wrap.appendChild(h("div", { class: "table-scroll" }, h("table", { class: "grid compact" },
    h("thead", null, h("tr", null, h("th", null, "Path"), h("th", null, "Change"), h("th", null, "A"), h("th", null, "B"))), tb)));
  if (d.truncated || d.differences.length > LIMIT) wrap.appendChild(h("p", { class: "muted small" }, "Only the first " + fmtNum(Math.min(LIMIT, d.differences.length)) + " differences are listed."));
  return wrap;
}

/**
 * c: Comparison; o: {labelA, labelB, onClose(), onSelect(elementId)}
 * @param {Comparison} c @param {{labelA: string, labelB: string, onClose: () => void, onSelect?: (id: string) => void}} o
 */
export function renderComparison(c, o) {
  const changed = c.elements.filter((e) => e.changed);
  let onlyChanged = changed.length > 0;
  const tb = h("tbody");
  const more = h("div");
  const fill = () => {
    const list = onlyChanged ? changed : c.elements;
    tb.replaceChildren();
    more.replaceChildren();
    let n = 0;
    const add = (/** @type {number} */ from, /** @type {number} */ to) => {
      for (let i = from; i < to; i++) {
        const e = list[i];
        tb.appendChild(h("tr", { class: e.changed ? "chg-row" : null, tabindex: "0", "data-testid": "compare-row", "data-element": e.id,
          onclick: () => o.onSelect && o.onSelect(e.id),
          onkeydown: (/** @type {KeyboardEvent} */ ev) => { if (ev.key === "Enter") o.onSelect && o.onSelect(e.id); } },
        h("td", { class: "mono" }, e.id, e.presence !== "both" ? h("span", { class: "tag" }, "only in " + e.presence.toUpperCase()) : null),
        h("td", null, phaseCell(e.phaseA)),
        h("td", null, phaseCell(e.phaseB)),
        h("td", { class: "num mono-num" }, fmtDuration(e.durationA)),
        h("td", { class: "num mono-num" }, fmtDuration(e.durationB)),
        h("td", { class: "num mono-num" }, delta(e.durationChange))));
      }
      n = to;
      more.replaceChildren();
      if (n < list.length) {
        more.appendChild(h("button", { type: "button", class: "linkbtn", onclick: () => add(n, Math.min(list.length, n + LIMIT)) },
          "Show " + fmtNum(Math.min(LIMIT, list.length - n)) + " more (" + fmtNum(n) + " of " + fmtNum(list.length) + ")"));
      }
    };
    add(0, Math.min(LIMIT, list.length));
    if (!list.length) tb.appendChild(h("tr", null, h("td", { colspan: "6", class: "muted" }, "No element differs.")));
  };
  fill();
  const toggle = h("label", { class: "small check" },
    h("input", { type: "checkbox", checked: onlyChanged, "data-testid": "compare-changed-only", onchange: (/** @type {Event} */ e) => { onlyChanged = /** @type {HTMLInputElement} */ (e.target).checked; fill(); } }),
    " changed only (" + fmtNum(changed.length) + " of " + fmtNum(c.elements.length) + ")");

  const fd = c.firstDivergence;
  const sec = h("section", { class: "panel compare", id: "sec-compare", "data-testid": "compare" },
    h("header", { class: "panel-head" },
      h("h3", null, "Comparison"),
      h("span", { class: "cmp-side" }, h("span", { class: "cmp-ab" }, "A"), phaseBadge(c.a.phase), h("span", { class: "mono small" }, o.labelA)),
      h("span", { class: "muted" }, "→"),
      h("span", { class: "cmp-side" }, h("span", { class: "cmp-ab b" }, "B"), phaseBadge(c.b.phase), h("span", { class: "mono small" }, o.labelB)),
      h("span", { class: "spacer" }),
      h("button", { type: "button", class: "icon-btn", title: "Close the comparison", "aria-label": "Close the comparison", "data-testid": "compare-close", onclick: o.onClose }, "✕")),
    h("div", { class: "panel-body cmp-body" },
      h("div", { class: "facts cmp-facts" },
        h("div", { class: "fact" }, h("div", { class: "fact-k" }, "Duration A → B"),
          h("div", { class: "fact-v mono-num", "data-testid": "compare-duration" }, fmtDuration(c.a.durationMs), " → ", fmtDuration(c.b.durationMs), "  ", delta(c.durationChange))),
        h("div", { class: "fact" }, h("div", { class: "fact-k" }, "Elements changed"), h("div", { class: "fact-v mono-num", "data-testid": "compare-changed" }, fmtNum(changed.length), h("span", { class: "muted" }, " of " + fmtNum(c.elements.length)))),
        h("div", { class: "fact" }, h("div", { class: "fact-k" }, "Only in A"), h("div", { class: "fact-v mono-num" }, fmtNum(c.onlyInA.length))),
        h("div", { class: "fact" }, h("div", { class: "fact-k" }, "Only in B"), h("div", { class: "fact-v mono-num" }, fmtNum(c.onlyInB.length)))),
      fd ? h("div", { class: "note cmp-first", "data-testid": "compare-first" },
        h("strong", null, "First divergence: "), h("span", { class: "mono" }, fd.id), " — ",
        fd.phaseA ?? "absent", " → ", fd.phaseB ?? "absent",
        fd.durationChange != null ? [" (", fmtDuration(fd.durationA), " → ", fmtDuration(fd.durationB), ")"] : null)
        : h("div", { class: "note muted" }, "The runs do not diverge: same elements, same phases."),
      h("div", { class: "sec-tools" }, h("span", { class: "sub-title" }, "Elements"), toggle),
      h("div", { class: "table-scroll cmp-table" }, h("table", { class: "grid" },
        h("thead", null, h("tr", null, h("th", null, "Element"), h("th", null, "A"), h("th", null, "B"),
          h("th", { class: "num" }, "Duration A"), h("th", { class: "num" }, "Duration B"), h("th", { class: "num" }, "Change"))),
        tb)),
      more,
      h("div", { class: "cmp-datas" }, dataBlock("objectData", c.objectData), dataBlock("changedObjectData", c.changedObjectData))));
  return sec;
}
