// @ts-check
// The details panel of one timeline lane (element).
import { h, clipped } from "../dom.js";
import { fmtTime, fmtDuration, fmtIso, startSource } from "../fmt.js";
import { phaseBadge } from "./summary.js";
import { biText } from "./bi.js";

/** @import { Lane, Event, TimeMode, Lang, MessageKey } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */

/** The panel shows at most this many characters of a value, with a button copying all of it (dom.js clipped()). */
const DETAIL_CHARS = 2000;
/** The heading (the element's name) shows at most this many. */
const NAME_CHARS = 500;

/** The names of marker kinds. @type {Record<string, MessageKey>} */
const KIND = { start: "marker.start", success: "marker.success", failure: "marker.failure", other: "marker.other" };

/**
 * lane: Lane; o: {mode, base, openEnd, events: Event[] for this element (or null), lang,
 *                 onClose(), onShowEvents(element), rootCause: the line linking to the root cause that took it down}
 * @param {Lane} lane
 * @param {{mode: TimeMode, base: number | null, openEnd: number | null | undefined, events: Event[] | null, lang: Lang, m: Messages, onClose: () => void, onShowEvents?: (element: string) => void, rootCause?: HTMLElement | null}} o
 */
export function renderDetails(lane, o) {
  const { mode, base, m } = o;
  const panel = h("aside", { class: "details", "data-testid": "details", "aria-label": m.t("det.label") });
  panel.appendChild(h("div", { class: "det-head" },
    h("div", { class: "det-title" },
      h("div", { class: "kicker" }, m.t("det.element")),
      h("div", { class: "det-name mono", "data-testid": "details-name" }, clipped(lane.label, NAME_CHARS, true, m))),
    h("button", { type: "button", class: "icon-btn", title: m.t("det.close"), "aria-label": m.t("det.closeLabel"), "data-testid": "details-close", onclick: o.onClose }, "✕")));
  panel.appendChild(h("div", { class: "det-badges" },
    phaseBadge(lane.phase, m, { testid: "details-phase" }),
    lane.type ? h("span", { class: "tag" }, clipped(lane.type, DETAIL_CHARS, false, m)) : null,
    lane.action ? h("span", { class: "tag" }, clipped(m.t("det.action", { action: lane.action }), DETAIL_CHARS, false, m)) : null));
  const kv = h("dl", { class: "kv" });
  /** @param {string} k @param {string | null} cls @param {string} testid @param {{lang: "zh" | "en" | null, children: import("../types.js").Child}} v */
  const addKv = (k, cls, testid, v) => kv.append(h("dt", null, k), h("dd", { class: cls || null, "data-testid": testid || null, lang: v.lang }, v.children));
  if (lane.id !== lane.label && lane.id !== "") addKv(m.t("det.id"), "mono", "", { lang: null, children: clipped(lane.id, DETAIL_CHARS, true, m) });
  if (lane.reason != null && lane.reason !== "") addKv(m.t("det.reason"), null, "details-reason", biText(lane.reasonBi, o.lang, lane.reason, { max: DETAIL_CHARS, copy: true, m }));
  if (lane.message != null && lane.message !== "") addKv(m.t("det.message"), "pre-wrap", "details-message", biText(lane.messageBi, o.lang, lane.message, { max: DETAIL_CHARS, copy: true, m }));
  if (kv.childNodes.length) panel.appendChild(kv);
  if (o.rootCause) panel.appendChild(o.rootCause);

  if (lane.spans.length) {
    const list = h("div", { class: "spans" });
    lane.spans.forEach((s) => {
      const end = s.end ?? o.openEnd;
      const src = s.source ? startSource(s.source, m) : null;
      const dur = end != null ? fmtDuration(end - s.start, m) : null;
      list.appendChild(h("div", { class: "span-item", "data-testid": "details-span" },
        h("div", { class: "span-top" },
          phaseBadge(s.phase, m, { small: true }),
          h("span", { class: "mono-num span-dur" }, dur == null ? "—" : s.end == null ? m.t("det.soFar", { d: dur }) : dur)),
        h("div", { class: "span-row" }, h("span", { class: "muted" }, m.t("det.start")),
          h("span", { class: "mono-num", title: fmtIso(s.start) }, fmtTime(s.start, mode, base, m)),
          s.startInferred ? h("span", { class: "pill", title: m.t(s.source === "dependencies" ? "det.inferredDeps" : "det.inferredRun") }, m.t("det.inferred")) : null),
        s.source && src ? h("div", { class: "span-row", "data-testid": "details-source", "data-source": s.source },
          h("span", { class: "muted" }, m.t("det.from")),
          h("span", { class: ["pill", "src-pill", "src-" + s.source] }, src.label),
          h("span", { class: "muted small" }, src.text)) : null,
        h("div", { class: "span-row" }, h("span", { class: "muted" }, m.t("det.end")),
          s.end == null ? h("span", { class: "pill pill-open" }, m.t("det.open")) : h("span", { class: "mono-num", title: fmtIso(s.end) }, fmtTime(s.end, mode, base, m)))));
    });
    panel.appendChild(h("div", { class: "det-sec" },
      h("div", { class: "sub-title" }, m.t("det.spans", { n: lane.spans.length })),
      list));
  } else {
    panel.appendChild(h("p", { class: "muted small" }, m.t("det.noTime")));
  }

  if (lane.markers.length) {
    const LIMIT = 100;
    const list = h("ol", { class: "markers" });
    const sorted = lane.markers.slice().sort((a, b) => a.at - b.at);
    const addM = (/** @type {number} */ from, /** @type {number} */ to) => {
      for (let i = from; i < to; i++) {
        const mk = sorted[i];
        const kind = KIND[mk.kind] ? m.t(KIND[mk.kind]) : mk.kind;
        list.appendChild(h("li", null,
          h("span", { class: ["mk", "mk-" + mk.kind], title: kind, role: "img", "aria-label": kind }),
          h("span", { class: "mono-num muted", title: fmtIso(mk.at) }, fmtTime(mk.at, mode, base, m)),
          h("span", { class: "mk-text" }, clipped(mk.text, DETAIL_CHARS, false, m)),
          mk.count > 1 ? h("span", { class: "pill" }, "×" + m.num(mk.count)) : null));
      }
    };
    addM(0, Math.min(LIMIT, sorted.length));
    const sec = h("div", { class: "det-sec" }, h("div", { class: "sub-title" }, m.t("det.markers", { n: sorted.length })), list);
    if (sorted.length > LIMIT) {
      const more = h("button", { type: "button", class: "linkbtn", onclick: () => { addM(LIMIT, sorted.length); more.remove(); } }, m.t("det.showAll", { n: sorted.length }));
      sec.appendChild(more);
    }
    panel.appendChild(sec);
  }

  if (o.events && o.events.length) {
    const last = o.events[o.events.length - 1];
    const reason = biText(last.reason, o.lang, null);
    panel.appendChild(h("div", { class: "det-sec" },
      h("div", { class: "sub-title" }, m.t("det.events", { n: o.events.length })),
      h("div", { class: "small" }, m.t("det.latest"), h("span", { class: "mono-num muted" }, fmtTime(last.firstTimestamp, mode, base, m)), " ", h("span", { lang: reason.lang }, reason.children)),
      h("button", { type: "button", class: "btn small", "data-testid": "details-show-events", onclick: () => o.onShowEvents && o.onShowEvents(lane.id) }, m.t("det.showEvents"))));
  }
  return panel;
}
