// @ts-check
// The events table: virtual scrolling (only the visible rows are in the DOM),
// sortable, filterable by type / element / text / phase, bilingual switch.
import { h, clear } from "../dom.js";
import { fmtTime, fmtIso, phaseClass, phaseName, bilingual } from "../fmt.js";
import { biText } from "./bi.js";
import { EN } from "../i18n/index.js";

/** @import { Phase, Lang, EventSort, TimeMode, MessageKey } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */
/** @import { EventList } from "../engine/pack.js" */
/** The table's filters and sort. @typedef {{type: string, el: string, q: string, lang: Lang, sort: EventSort, phases: ReadonlySet<Phase>}} Filters */

const ROW_H = 30;
const OVERSCAN = 8;
/** The languages of bilingual texts: the keys of their labels and titles. @type {{id: Lang, label: MessageKey, title: MessageKey, lang: string | null}[]} */
const LANGS = [
  { id: "zh", label: "ev.lang.zh", title: "ev.lang.zhTitle", lang: "zh" },
  { id: "en", label: "ev.lang.en", title: "ev.lang.enTitle", lang: "en" },
  { id: "both", label: "ev.lang.both", title: "ev.lang.bothTitle", lang: null },
];
/** @type {Record<EventSort, {key: "time" | "el" | "type" | "count", dir: number}>} */
const SORTS = {
  asc: { key: "time", dir: 1 }, desc: { key: "time", dir: -1 },
  el: { key: "el", dir: 1 }, "el-desc": { key: "el", dir: -1 },
  type: { key: "type", dir: 1 }, "type-desc": { key: "type", dir: -1 },
  count: { key: "count", dir: -1 }, "count-asc": { key: "count", dir: 1 },
};

/** A bilingual text as one line (a title). @param {import("../types.js").Bilingual} b @param {Lang} lang */
function reasonTitle(b, lang) {
  return bilingual(b, lang);
}

export class EventsView {
  /**
   * opts: {m (the interface's words), onSelectElement(element), onChange({type, el, q, lang, sort})}
   * @param {{m?: Messages, onSelectElement?: (element: string) => void, onChange?: (f: Omit<Filters, "phases">) => void}} [opts]
   */
  constructor(opts) {
    this.opts = opts || {};
    const m = this.opts.m || EN;
    this.m = m;
    /** @type {EventList | null} */
    this.events = null;
    this.rows = new Int32Array(0);
    /** @type {string[] | null} */
    this.search = null;
    /** @type {Filters} */
    this.f = { type: "", el: "", q: "", lang: "both", sort: "asc", phases: new Set() };
    /** @type {TimeMode} */
    this.mode = "utc";
    /** @type {number | null} */
    this.base = null;
    /** @type {string | null} */
    this.selectedEl = null;
    this.frame = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    /** @type {Map<string, number> | null} */
    this.elements = null;
    this.elListBuilt = false;
    /** @type {Partial<Filters> | null} */
    this.pendingPart = null;
    this.first = -1;
    this.last = -1;

    this.typeSel = h("select", { class: "input small", "aria-label": m.t("ev.type"), "data-testid": "events-type",
      onchange: () => this.update({ type: this.typeSel.value }) });
    this.elInput = h("input", { type: "search", class: "input small", placeholder: m.t("ev.elementPlaceholder"), list: "", "aria-label": m.t("ev.element"),
      "data-testid": "events-element", oninput: () => this.debounced({ el: this.elInput.value }), onfocus: () => this.buildElList() });
    this.elList = h("datalist", { id: "ev-elements-" + Math.random().toString(36).slice(2) });
    this.elInput.setAttribute("list", this.elList.id);
    this.qInput = h("input", { type: "search", class: "input small grow", placeholder: m.t("ev.searchPlaceholder"),
      "aria-label": m.t("ev.search"), "data-testid": "events-search", oninput: () => this.debounced({ q: this.qInput.value }) });
    this.langSeg = h("div", { class: "seg small", role: "radiogroup", "aria-label": m.t("ev.lang.label"), "data-testid": "events-lang" });
    this.countEl = h("span", { class: "ev-count", "data-testid": "events-count", "aria-live": "polite" });
    this.clearBtn = h("button", { type: "button", class: "linkbtn small", hidden: true, onclick: () => this.update({ type: "", el: "", q: "" }) }, m.t("ev.clear"));
    this.toolbar = h("div", { class: "ev-toolbar" }, this.typeSel, this.elInput, this.elList, this.qInput, this.langSeg, this.countEl, this.clearBtn);

    this.head = h("div", { class: "ev-row ev-head", role: "row" });
    this.headGroup = h("div", { class: "ev-headgroup", role: "rowgroup" }, this.head);
    this.inner = h("div", { class: "ev-inner" });
    // The scroller is the table's body (a rowgroup that takes the focus, so the keyboard scrolls it);
    // the rows are positioned inside it (.ev-inner has no role: only rows are owned).
    this.scroller = h("div", { class: "ev-scroll", tabindex: "0", role: "rowgroup" }, this.inner);
    this.empty = h("div", { class: "ev-empty muted", hidden: true }, m.t("ev.noMatch"));
    this.table = h("div", { class: "ev-table", role: "table", "aria-label": m.t("ev.table") }, this.headGroup, this.scroller);
    this.el = h("div", { class: "events", "data-testid": "events" }, this.toolbar, this.table, this.empty);
    this.scroller.addEventListener("scroll", () => this.invalidate(), { passive: true });
    this.onResize = () => this.invalidate();
    window.addEventListener("resize", this.onResize);
  }

  destroy() { window.removeEventListener("resize", this.onResize); if (this.frame) cancelAnimationFrame(this.frame); clearTimeout(this.timer); }

  /**
   * o: {mode, base, type, el, q, lang, sort, phases:Set}
   * @param {EventList} events
   * @param {{mode?: TimeMode, base?: number | null, type?: string, el?: string, q?: string, lang?: Lang, sort?: EventSort, phases?: ReadonlySet<Phase>}} [o]
   */
  setData(events, o = {}) {
    this.events = events;
    this.search = null;
    this.mode = o.mode || this.mode;
    this.base = o.base ?? null;
    Object.assign(this.f, {
      type: o.type || "", el: o.el || "", q: o.q || "", lang: o.lang && LANGS.some((l) => l.id === o.lang) ? o.lang : "both",
      sort: o.sort && SORTS[o.sort] ? o.sort : "asc", phases: o.phases || new Set(),
    });
    const types = events.typeCounts();
    // Counted when the element box is first used or filtered by (not while a big list opens).
    this.elements = null;
    clear(this.typeSel);
    const m = this.m;
    this.typeSel.appendChild(h("option", { value: "" }, m.t("ev.allTypes", { n: events.length })));
    for (const [t, n] of [...types].sort((a, b) => b[1] - a[1])) this.typeSel.appendChild(h("option", { value: t }, m.t("ev.typeCount", { type: t === "(none)" ? m.t("ev.noType") : t, n })));
    // The element suggestions are built when the element box is first used (sorting
    // 100,000 names up front would hold the page while a big event list opens).
    clear(this.elList);
    this.elListBuilt = false;
    this.syncControls();
    this.refilter();
  }

  syncControls() {
    this.typeSel.value = this.f.type;
    if (this.typeSel.value !== this.f.type) this.typeSel.value = "";
    if (this.elInput.value !== this.f.el) this.elInput.value = this.f.el;
    if (this.qInput.value !== this.f.q) this.qInput.value = this.f.q;
    clear(this.langSeg);
    for (const l of LANGS) {
      this.langSeg.appendChild(h("button", { type: "button", role: "radio", "aria-checked": String(this.f.lang === l.id), class: this.f.lang === l.id ? "on" : "",
        title: this.m.t(l.title), "data-lang": l.id, lang: l.lang, onclick: () => this.update({ lang: l.id }) }, this.m.t(l.label)));
    }
    this.renderHead();
  }

  renderHead() {
    const s = SORTS[this.f.sort];
    const m = this.m;
    /** @param {MessageKey} label @param {"time" | "el" | "type" | "count" | null} key @param {string} cls @param {(active: boolean, dir: number) => EventSort} [next] */
    const col = (label, key, cls, next) => {
      const name = m.t(label);
      if (!key) return h("div", { class: ["ev-c", cls], role: "columnheader" }, name);
      const active = s.key === key;
      const arrow = active ? (s.dir > 0 ? " ▲" : " ▼") : "";
      // The header cell holds the sort button (a button cannot be a columnheader itself).
      return h("div", { class: ["ev-c", cls], role: "columnheader", "aria-sort": active ? (s.dir > 0 ? "ascending" : "descending") : "none" },
        h("button", { type: "button", class: ["ev-sort", active ? "on" : ""], "data-sort": key,
          title: m.t("ev.sortBy", { col: name.toLowerCase() }), onclick: () => next && this.update({ sort: next(active, s.dir) }) }, name, h("span", { "aria-hidden": "true" }, arrow)));
    };
    this.head.replaceChildren(
      col("ev.col.time", "time", "c-time", (a, d) => (a && d > 0 ? "desc" : "asc")),
      col("ev.col.type", "type", "c-type", (a, d) => (a && d > 0 ? "type-desc" : "type")),
      col("ev.col.element", "el", "c-el", (a, d) => (a && d > 0 ? "el-desc" : "el")),
      col("ev.col.reason", null, "c-reason"),
      col("ev.col.message", null, "c-msg"),
      col("ev.col.count", "count", "c-count num", (a, d) => (a && d < 0 ? "count-asc" : "count")));
  }

  /** Events per element, counted on first use. */
  elementCounts() {
    if (!this.elements) this.elements = this.events ? this.events.elementCounts() : new Map();
    return this.elements;
  }

  buildElList() {
    if (this.elListBuilt || !this.events) return;
    this.elListBuilt = true;
    const names = [...this.elementCounts().keys()];
    if (names.length <= 20000) names.sort();
    const frag = document.createDocumentFragment();
    for (let k = 0; k < Math.min(5000, names.length); k++) frag.appendChild(h("option", { value: names[k] }));
    this.elList.appendChild(frag);
  }

  /** @param {Partial<Filters>} part */
  debounced(part) {
    Object.assign(this.pendingPart || (this.pendingPart = {}), part);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { const p = this.pendingPart || {}; this.pendingPart = null; this.update(p); }, this.events && this.events.length > 20000 ? 180 : 60);
  }

  /** Change filters (type, el, q, lang, sort, phases); notifies onChange. @param {Partial<Filters>} part @param {boolean} [silent] */
  update(part, silent) {
    const langOnly = Object.keys(part).every((k) => k === "lang");
    Object.assign(this.f, part);
    this.syncControls();
    if (langOnly) this.renderRows(true);
    else this.refilter();
    if (!silent && this.opts.onChange) this.opts.onChange({ type: this.f.type, el: this.f.el, q: this.f.q, lang: this.f.lang, sort: this.f.sort });
  }

  /** @param {ReadonlySet<Phase>} set */
  setPhaseFilter(set) { this.f.phases = set; this.refilter(); }
  /** @param {TimeMode} mode @param {number | null} [base] */
  setMode(mode, base) { this.mode = mode; if (base !== undefined) this.base = base; this.renderRows(true); }
  /** @param {string | null} el */
  setSelected(el) { this.selectedEl = el; this.renderRows(true); }
  focusSearch() { this.qInput.focus(); this.qInput.select(); }

  /** Show only this element's events and scroll to the table. */
  /** @param {string} el */
  showElement(el) { this.update({ el: el || "" }); }

  /** @param {number} i */
  searchText(i) {
    const ev = /** @type {EventList} */ (this.events);
    if (!this.search) this.search = new Array(ev.length);
    let s = this.search[i];
    if (s === undefined) {
      const e = ev.at(i);
      s = [e.element, e.elemType, e.type, e.action, e.reason && e.reason.raw, e.message && e.message.raw].filter(Boolean).join("\n").toLowerCase();
      this.search[i] = s;
    }
    return s;
  }

  refilter() {
    const ev = this.events;
    if (!ev) return;
    const n = ev.length;
    const { type, phases } = this.f;
    const el = this.f.el.trim();
    const elExact = el && this.elementCounts().has(el);
    const elLow = el.toLowerCase();
    const q = this.f.q.trim().toLowerCase();
    const out = new Int32Array(n);
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (type && (ev.typeOf(i) ?? "(none)") !== type) continue;
      if (phases.size && !phases.has(ev.phaseOf(i))) continue;
      if (el) {
        const e = ev.elementOf(i);
        if (elExact) { if (e !== el) continue; }
        else if (!e || !e.toLowerCase().includes(elLow)) continue;
      }
      if (q && !this.searchText(i).includes(q)) continue;
      out[k++] = i;
    }
    const rows = out.slice(0, k);
    const s = SORTS[this.f.sort] || SORTS.asc;
    const cmpIdx = (/** @type {number} */ a, /** @type {number} */ b) => a - b;
    /** @type {(a: number, b: number) => number} */
    let cmp;
    if (s.key === "time") {
      const first = ev.first; // NaN: none (last in either direction)
      cmp = (a, b) => {
        const ta = first[a], tb = first[b];
        if (Number.isNaN(ta) || Number.isNaN(tb)) return Number.isNaN(ta) && Number.isNaN(tb) ? cmpIdx(a, b) : Number.isNaN(ta) ? 1 : -1;
        return (ta - tb) * s.dir || cmpIdx(a, b);
      };
    } else if (s.key === "count") {
      cmp = (a, b) => (ev.count[a] - ev.count[b]) * s.dir || cmpIdx(a, b);
    } else {
      const f = s.key === "el" ? (/** @type {number} */ i) => ev.elementOf(i) || "" : (/** @type {number} */ i) => ev.typeOf(i) || "";
      cmp = (a, b) => { const x = f(a), y = f(b); return (x < y ? -1 : x > y ? 1 : 0) * s.dir || cmpIdx(a, b); };
    }
    // Event lists come in time order: skip the sort when the rows already are.
    let sorted = true;
    for (let r = 1; r < rows.length && sorted; r++) if (cmp(rows[r - 1], rows[r]) > 0) sorted = false;
    if (!sorted) rows.sort(cmp);
    this.rows = rows;
    const filtered = type || el || q || phases.size;
    this.countEl.textContent = filtered ? this.m.t("ev.countOf", { shown: rows.length, n }) : this.m.t("ev.count", { n });
    this.clearBtn.hidden = !(type || el || q);
    this.inner.style.height = rows.length * ROW_H + "px";
    const viewH = Math.min(Math.max(rows.length, 1) * ROW_H, Math.max(240, Math.min(Math.round(window.innerHeight * 0.55), 540)));
    this.scroller.style.height = viewH + "px";
    this.empty.textContent = this.m.t(n === 0 ? "ev.noEvents" : "ev.noMatch");
    this.empty.hidden = rows.length > 0;
    this.scroller.hidden = rows.length === 0;
    if (this.scroller.scrollTop > rows.length * ROW_H) this.scroller.scrollTop = 0;
    this.renderRows(true);
  }

  invalidate() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.renderRows(false); });
  }

  /** @param {boolean} force */
  renderRows(force) {
    const st = this.scroller.scrollTop;
    const vh = this.scroller.clientHeight || 400;
    const first = Math.max(0, Math.floor(st / ROW_H) - OVERSCAN);
    const last = Math.min(this.rows.length - 1, Math.ceil((st + vh) / ROW_H) + OVERSCAN);
    if (!force && first === this.first && last === this.last) return;
    this.first = first;
    this.last = last;
    const frag = document.createDocumentFragment();
    const lang = this.f.lang;
    const m = this.m;
    for (let r = first; r <= last; r++) {
      const i = this.rows[r];
      const e = /** @type {EventList} */ (this.events).at(i);
      const reason = biText(e.reason, lang, null);
      const msg = biText(e.message, lang, null);
      const reasonText = e.reason ? reasonTitle(e.reason, lang) : "";
      const msgText = e.message ? reasonTitle(e.message, lang) : "";
      const warn = e.type && e.type !== "Normal";
      const timeTitle = fmtIso(e.firstTimestamp) + (e.lastTimestamp != null && e.lastTimestamp !== e.firstTimestamp ? m.t("ev.lastAt", { time: fmtIso(e.lastTimestamp) }) : "");
      const row = h("div", {
        class: ["ev-row", "k-" + e.kind, warn ? "ev-warn" : "", e.element != null && e.element === this.selectedEl ? "sel" : ""],
        role: "row", "data-testid": "event-row", "data-index": String(i), "aria-rowindex": String(r + 2),
        style: { transform: "translateY(" + r * ROW_H + "px)" },
        onclick: () => { if (e.element != null && this.opts.onSelectElement) this.opts.onSelectElement(e.element); },
      },
      h("div", { class: "ev-c c-time mono-num", role: "cell", title: timeTitle || null }, fmtTime(e.firstTimestamp, this.mode, this.base, m)),
      h("div", { class: "ev-c c-type", role: "cell" }, e.type != null ? h("span", { class: warn ? "pill pill-bad" : "pill" }, warn ? h("span", { class: "pill-icon", "aria-hidden": "true" }, "⚠") : null, e.type) : null),
      h("div", { class: "ev-c c-el", role: "cell", title: [e.element, e.elemType, e.action ? m.t("ev.actionOf", { action: e.action }) : null].filter(Boolean).join(" · ") || null },
        h("span", { class: ["dot", phaseClass(e.phase)], role: "img", "aria-label": phaseName(e.phase, m), title: phaseName(e.phase, m) }),
        h("span", { class: "mono" }, e.element ?? "—"),
        e.elemType ? h("span", { class: "muted ev-etype" }, " " + e.elemType) : null),
      h("div", { class: "ev-c c-reason", role: "cell", title: reasonText || null, "data-testid": "event-reason", lang: reason.lang }, reason.children),
      h("div", { class: "ev-c c-msg", role: "cell", title: msgText || null, "data-testid": "event-message", lang: msg.lang }, msg.children),
      h("div", { class: "ev-c c-count num mono-num", role: "cell" }, e.count > 1 ? "×" + m.num(e.count) : String(e.count)));
      frag.appendChild(row);
    }
    this.inner.replaceChildren(frag);
  }
}
