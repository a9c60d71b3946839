// @ts-check
// The details panel of one timeline lane (element).
import { h, clipped } from "../dom.js";
import { fmtTime, fmtDuration, fmtIso, fmtNum, phaseClass, bilingual, START_SOURCES } from "../fmt.js";
import { phaseBadge } from "./summary.js";

/** @import { Lane, Event, TimeMode, Lang } from "../types.js" */

/** The panel shows at most this many characters of a value, with a button copying all of it (dom.js clipped()). */
const DETAIL_CHARS = 2000;
/** The heading (the element's name) shows at most this many. */
const NAME_CHARS = 500;

/** @type {Record<string, string>} */
const KIND = { start: "start", success: "success", failure: "failure", other: "event" };

/**
 * lane: Lane; o: {mode, base, openEnd, events: Event[] for this element (or null), lang,
 *                 onClose(), onShowEvents(element), rootCause: the line linking to the root cause that took it down}
 * @param {Lane} lane
 * @param {{mode: TimeMode, base: number | null, openEnd: number | null | undefined, events: Event[] | null, lang: Lang, onClose: () => void, onShowEvents?: (element: string) => void, rootCause?: HTMLElement | null}} o
 */
export function renderDetails(lane, o) {
  const { mode, base } = o;
  const panel = h("aside", { class: "details", "data-testid": "details", "aria-label": "Element details" });
  panel.appendChild(h("div", { class: "det-head" },
    h("div", { class: "det-title" },
      h("div", { class: "kicker" }, "Element"),
      h("div", { class: "det-name mono", "data-testid": "details-name" }, clipped(lane.label, NAME_CHARS, true))),
    h("button", { type: "button", class: "icon-btn", title: "Close (Esc)", "aria-label": "Close details", "data-testid": "details-close", onclick: o.onClose }, "✕")));
  panel.appendChild(h("div", { class: "det-badges" },
    phaseBadge(lane.phase, { testid: "details-phase" }),
    lane.type ? h("span", { class: "tag" }, clipped(lane.type, DETAIL_CHARS)) : null,
    lane.action ? h("span", { class: "tag" }, clipped("action: " + lane.action, DETAIL_CHARS)) : null));
  const kv = h("dl", { class: "kv" });
  const add = (/** @type {string} */ k, /** @type {string | null} */ v, /** @type {string | null} */ cls, /** @type {string} */ testid) => { if (v == null || v === "") return; kv.append(h("dt", null, k), h("dd", { class: cls || null, "data-testid": testid || null }, clipped(v, DETAIL_CHARS, true))); };
  if (lane.id !== lane.label) add("ID", lane.id, "mono", "");
  add("Reason", lane.reason != null ? bilingual(lane.reasonBi, o.lang) || lane.reason : null, null, "details-reason");
  add("Message", lane.message != null ? bilingual(lane.messageBi, o.lang) || lane.message : null, "pre-wrap", "details-message");
  if (kv.childNodes.length) panel.appendChild(kv);
  if (o.rootCause) panel.appendChild(o.rootCause);

  if (lane.spans.length) {
    const list = h("div", { class: "spans" });
    lane.spans.forEach((s) => {
      const end = s.end ?? o.openEnd;
      list.appendChild(h("div", { class: "span-item", "data-testid": "details-span" },
        h("div", { class: "span-top" },
          h("span", { class: ["badge", "small", phaseClass(s.phase)] }, h("span", { class: "dot" }), s.phase),
          h("span", { class: "mono-num span-dur" }, end != null ? fmtDuration(end - s.start) + (s.end == null ? " so far" : "") : "—")),
        h("div", { class: "span-row" }, h("span", { class: "muted" }, "Start"),
          h("span", { class: "mono-num", title: fmtIso(s.start) }, fmtTime(s.start, mode, base)),
          s.startInferred ? h("span", { class: "pill", title: s.source === "dependencies" ? "no start for this element; it starts when its dependencies had ended" : "no start for this element; the run start is used" }, "inferred") : null),
        s.source && START_SOURCES[s.source] ? h("div", { class: "span-row", "data-testid": "details-source", "data-source": s.source },
          h("span", { class: "muted" }, "From"),
          h("span", { class: ["pill", "src-pill", "src-" + s.source] }, START_SOURCES[s.source].label),
          h("span", { class: "muted small" }, START_SOURCES[s.source].text)) : null,
        h("div", { class: "span-row" }, h("span", { class: "muted" }, "End"),
          s.end == null ? h("span", { class: "pill pill-open" }, "open — still running") : h("span", { class: "mono-num", title: fmtIso(s.end) }, fmtTime(s.end, mode, base)))));
    });
    panel.appendChild(h("div", { class: "det-sec" },
      h("div", { class: "sub-title" }, lane.spans.length === 1 ? "Span" : fmtNum(lane.spans.length) + " spans"),
      list));
  } else {
    panel.appendChild(h("p", { class: "muted small" }, "The payload has no time for this element."));
  }

  if (lane.markers.length) {
    const LIMIT = 100;
    const list = h("ol", { class: "markers" });
    const sorted = lane.markers.slice().sort((a, b) => a.at - b.at);
    const addM = (/** @type {number} */ from, /** @type {number} */ to) => {
      for (let i = from; i < to; i++) {
        const m = sorted[i];
        list.appendChild(h("li", null,
          h("span", { class: ["mk", "mk-" + m.kind], title: KIND[m.kind] || m.kind }),
          h("span", { class: "mono-num muted", title: fmtIso(m.at) }, fmtTime(m.at, mode, base)),
          h("span", { class: "mk-text" }, clipped(m.text, DETAIL_CHARS)),
          m.count > 1 ? h("span", { class: "pill" }, "×" + m.count) : null));
      }
    };
    addM(0, Math.min(LIMIT, sorted.length));
    const sec = h("div", { class: "det-sec" }, h("div", { class: "sub-title" }, fmtNum(sorted.length) + (sorted.length === 1 ? " event marker" : " event markers")), list);
    if (sorted.length > LIMIT) {
      const more = h("button", { type: "button", class: "linkbtn", onclick: () => { addM(LIMIT, sorted.length); more.remove(); } }, "Show all " + fmtNum(sorted.length));
      sec.appendChild(more);
    }
    panel.appendChild(sec);
  }

  if (o.events && o.events.length) {
    const last = o.events[o.events.length - 1];
    panel.appendChild(h("div", { class: "det-sec" },
      h("div", { class: "sub-title" }, fmtNum(o.events.length) + (o.events.length === 1 ? " event" : " events")),
      h("div", { class: "small" }, "Latest: ", h("span", { class: "mono-num muted" }, fmtTime(last.firstTimestamp, mode, base)), " ", bilingual(last.reason, o.lang)),
      h("button", { type: "button", class: "btn small", "data-testid": "details-show-events", onclick: () => o.onShowEvents && o.onShowEvents(lane.id) }, "Show in events table")));
  }
  return panel;
}
