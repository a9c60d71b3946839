// @ts-check
// Two runs compared (the core's compare(a, b)): per-element phase and duration
// changes, elements only in one run, the first divergence, objectData differences.
import { h } from "../dom.js";
import { fmtDuration, phaseName } from "../fmt.js";
import { phaseBadge } from "./summary.js";

/** @import { Comparison, DataComparison, Phase, MessageKey } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */

const LIMIT = 300;

/** @param {number | null} ms @param {Messages} m */
function delta(ms, m) {
  if (ms == null) return h("span", { class: "muted" }, "—");
  if (ms === 0) return h("span", { class: "muted" }, "±0");
  return h("span", { class: ms > 0 ? "delta up" : "delta down" }, (ms > 0 ? "+" : "−") + fmtDuration(Math.abs(ms), m));
}

/** @param {Phase | null} p @param {Messages} m */
function phaseCell(p, m) {
  if (p == null) return h("span", { class: "muted" }, m.t("cmp.absent"));
  return phaseBadge(p, m, { small: true });
}

/** @param {unknown} v */
function show(v) {
  if (v === undefined) return "";
  const s = JSON.stringify(v);
  return s.length > 200 ? s.slice(0, 200) + "…" : s;
}

/** @param {string} label @param {DataComparison} d @param {Messages} m */
function dataBlock(label, d, m) {
  const wrap = h("div", { class: "cmp-data", "data-testid": "compare-" + label });
  const head = h("div", { class: "sub-title" }, label, " ");
  wrap.appendChild(head);
  if (d.status === "identical") { head.appendChild(h("span", { class: "pill pill-ok" }, h("span", { class: "pill-icon", "aria-hidden": "true" }, "✓"), m.t("cmp.identical"))); return wrap; }
  if (d.status === "unavailable") {
    head.appendChild(h("span", { class: "pill" }, m.t("cmp.notComparable")));
    wrap.appendChild(h("p", { class: "muted small" }, m.t("cmp.notComparableText")));
    return wrap;
  }
  head.appendChild(h("span", { class: "pill pill-warn" }, m.t("cmp.differences", { n: d.differences.length, more: d.truncated ? "+" : "" })));
  const tb = h("tbody");
  for (const x of d.differences.slice(0, LIMIT)) {
    tb.appendChild(h("tr", { class: "chg-" + x.change },
      h("td", { class: "mono" }, x.path),
      h("td", null, h("span", { class: "pill chg chg-" + x.change }, m.t(/** @type {MessageKey} */ ("cmp.chg." + x.change)))),
      h("td", { class: "mono cmp-val" }, show(x.a)),
      h("td", { class: "mono cmp-val" }, show(x.b))));
  }
  wrap.appendChild(h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": label }, h("table", { class: "grid compact" },
    h("thead", null, h("tr", null, h("th", null, m.t("cmp.path")), h("th", null, m.t("cmp.change")), h("th", null, "A"), h("th", null, "B"))), tb)));
  if (d.truncated || d.differences.length > LIMIT) wrap.appendChild(h("p", { class: "muted small" }, m.t("cmp.onlyFirst", { n: Math.min(LIMIT, d.differences.length) })));
  return wrap;
}

/**
 * c: Comparison; o: {labelA, labelB, m, onClose(), onSelect(elementId)}
 * @param {Comparison} c @param {{labelA: string, labelB: string, m: Messages, onClose: () => void, onSelect?: (id: string) => void}} o
 */
export function renderComparison(c, o) {
  const m = o.m;
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
        h("td", { class: "mono" }, e.id, e.presence !== "both" ? h("span", { class: "tag" }, m.t("cmp.onlyIn", { side: e.presence.toUpperCase() })) : null),
        h("td", null, phaseCell(e.phaseA, m)),
        h("td", null, phaseCell(e.phaseB, m)),
        h("td", { class: "num mono-num" }, fmtDuration(e.durationA, m)),
        h("td", { class: "num mono-num" }, fmtDuration(e.durationB, m)),
        h("td", { class: "num mono-num" }, delta(e.durationChange, m))));
      }
      n = to;
      more.replaceChildren();
      if (n < list.length) {
        more.appendChild(h("button", { type: "button", class: "linkbtn", onclick: () => add(n, Math.min(list.length, n + LIMIT)) },
          m.t("cmp.showMore", { k: Math.min(LIMIT, list.length - n), shown: n, n: list.length })));
      }
    };
    add(0, Math.min(LIMIT, list.length));
    if (!list.length) tb.appendChild(h("tr", null, h("td", { colspan: "6", class: "muted" }, m.t("cmp.noDiff"))));
  };
  fill();
  const toggle = h("label", { class: "small check" },
    h("input", { type: "checkbox", checked: onlyChanged, "data-testid": "compare-changed-only", onchange: (/** @type {Event} */ e) => { onlyChanged = /** @type {HTMLInputElement} */ (e.target).checked; fill(); } }),
    m.t("cmp.changedOnly", { k: changed.length, n: c.elements.length }));

  const fd = c.firstDivergence;
  const sec = h("section", { class: "panel compare", id: "sec-compare", "data-testid": "compare" },
    h("header", { class: "panel-head" },
      h("h3", null, m.t("cmp.title")),
      h("span", { class: "cmp-side" }, h("span", { class: "cmp-ab" }, "A"), phaseBadge(c.a.phase, m), h("span", { class: "mono small" }, o.labelA)),
      h("span", { class: "muted", "aria-hidden": "true" }, "→"),
      h("span", { class: "cmp-side" }, h("span", { class: "cmp-ab b" }, "B"), phaseBadge(c.b.phase, m), h("span", { class: "mono small" }, o.labelB)),
      h("span", { class: "spacer" }),
      h("button", { type: "button", class: "icon-btn", title: m.t("cmp.close"), "aria-label": m.t("cmp.close"), "data-testid": "compare-close", onclick: o.onClose }, "✕")),
    h("div", { class: "panel-body cmp-body" },
      h("div", { class: "facts cmp-facts" },
        h("div", { class: "fact" }, h("div", { class: "fact-k" }, m.t("cmp.duration")),
          h("div", { class: "fact-v mono-num", "data-testid": "compare-duration" }, fmtDuration(c.a.durationMs, m), " → ", fmtDuration(c.b.durationMs, m), "  ", delta(c.durationChange, m))),
        h("div", { class: "fact" }, h("div", { class: "fact-k" }, m.t("cmp.changed")), h("div", { class: "fact-v mono-num", "data-testid": "compare-changed" }, m.num(changed.length), h("span", { class: "muted" }, m.t("cmp.of", { n: c.elements.length })))),
        h("div", { class: "fact" }, h("div", { class: "fact-k" }, m.t("cmp.onlyA")), h("div", { class: "fact-v mono-num" }, m.num(c.onlyInA.length))),
        h("div", { class: "fact" }, h("div", { class: "fact-k" }, m.t("cmp.onlyB")), h("div", { class: "fact-v mono-num" }, m.num(c.onlyInB.length)))),
      fd ? h("div", { class: "note cmp-first", "data-testid": "compare-first" },
        h("strong", null, m.t("cmp.first")), h("span", { class: "mono" }, fd.id), " — ",
        fd.phaseA ? phaseName(fd.phaseA, m) : m.t("cmp.absent"), " → ", fd.phaseB ? phaseName(fd.phaseB, m) : m.t("cmp.absent"),
        fd.durationChange != null ? [" (", fmtDuration(fd.durationA, m), " → ", fmtDuration(fd.durationB, m), ")"] : null)
        : h("div", { class: "note muted" }, m.t("cmp.same")),
      h("div", { class: "sec-tools" }, h("span", { class: "sub-title" }, m.t("cmp.elements")), toggle),
      h("div", { class: "table-scroll cmp-table", tabindex: "0", role: "region", "aria-label": m.t("cmp.elements") }, h("table", { class: "grid" },
        h("thead", null, h("tr", null, h("th", null, m.t("cmp.element")), h("th", null, "A"), h("th", null, "B"),
          h("th", { class: "num" }, m.t("cmp.durA")), h("th", { class: "num" }, m.t("cmp.durB")), h("th", { class: "num" }, m.t("cmp.change")))),
        tb)),
      more,
      h("div", { class: "cmp-datas" }, dataBlock("objectData", c.objectData, m), dataBlock("changedObjectData", c.changedObjectData, m))));
  return sec;
}
