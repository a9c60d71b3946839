// @ts-check
// The viewer's state (AppState in types.d.ts) and what is derived from it: the
// tabs, the active tab, each tab's ViewState, the selected run, and the URL hash.
//
//   #s=<sample>,<sample>   samples open (restored on reload; files and pastes are not)
//   &tab=<n>               the active tab (0-based: the payloads, then the joined runs)
//   &run=<execution id>    the selected run (workflow histories)
//   &ph=Failed,Running     phase filter (timeline lanes and events)
//   &type=Warning          event type filter
//   &el=<element>          event element filter
//   &q=<text>              event free-text filter
//   &lang=zh|en|both       language of bilingual reasons/messages (absent: the interface's: zh for 简体中文, en for English)
//   &sort=asc|desc|...     event sort (time asc/desc, el, type, count)
//   &lane=<lane id>        selected timeline lane (details panel open)
//   &cmp=<n>&cmprun=<id>   compared with tab n (and its run id for workflow histories)
//   &z=<t0>,<t1>           timeline zoom: visible range in epoch ms
//   &show=graph|both       the dependency graph instead of the timeline, or both (absent: the timeline)
//   &hl=root|path          highlighted in both: the root cause and what it took down, or the critical path
//   &tm=utc|local|rel      time display
//   &theme=dark|light      theme (absent: follow the system)
import { PHASES, TIME_MODES } from "../fmt.js";
import { startLocale } from "../i18n/index.js";

/** @import { AppState, ViewState, Tab, Doc, Run, Phase, TimeMode, Lang, EventSort, Locale, RunShow, Highlight } from "../types.js" */
/** @import { Store } from "./store.js" */

export const HASH_KEYS = ["s", "tab", "run", "ph", "type", "el", "q", "lang", "sort", "lane", "cmp", "cmprun", "z", "show", "hl", "tm", "theme"];

/** @type {readonly RunShow[]} */
export const RUN_SHOWS = ["timeline", "graph", "both"];
/** @type {readonly Highlight[]} */
export const HIGHLIGHTS = ["", "root", "path"];

/** The half of bilingual texts shown by default: the interface's language. @param {Locale} ui @returns {Lang} */
export function defaultLang(ui) {
  return ui === "zh-CN" ? "zh" : "en";
}

/** @param {Locale} [ui] the interface's language (default: the reader's choice, else the browser's) @returns {AppState} */
export function initialState(ui = startLocale()) {
  return { docs: [], joins: [], active: null, views: {}, tm: "utc", theme: "", lang: defaultLang(ui), ui, samples: null };
}

/**
 * The interface's language changes: the events' language follows it when it was
 * the old one's default (a language picked by hand stays).
 * @param {AppState} s @param {Locale} ui @returns {Partial<AppState>}
 */
export function switchLocale(s, ui) {
  return { ui, lang: s.lang === defaultLang(s.ui) ? defaultLang(ui) : s.lang };
}

/** @returns {ViewState} */
export function newView() {
  return { run: "", phases: new Set(), type: "", el: "", q: "", sort: "asc", lane: "", z: null, laneText: "", cmp: null, show: "timeline", hl: "" };
}

/** A payload's tab key. @param {Doc} doc */
export function docKey(doc) {
  return "doc-" + doc.id;
}

/** The tabs: the open payloads, then the joined runs. @param {AppState} s @returns {Tab[]} */
export function tabsOf(s) {
  /** @type {Tab[]} */
  const out = s.docs.map((doc) => ({ key: docKey(doc), kind: "doc", doc }));
  for (const join of s.joins) out.push({ key: join.id, kind: "join", join });
  return out;
}

/** @param {AppState} s */
export function activeIndex(s) {
  return s.active == null ? -1 : tabsOf(s).findIndex((t) => t.key === s.active);
}

/** @param {AppState} s */
export function activeTab(s) {
  return tabsOf(s).find((t) => t.key === s.active) || null;
}

/** The view state of a tab that has none yet: one object, so that comparing two states by identity says "unchanged". */
const NO_VIEW = Object.freeze(newView());

/** A tab's view state. @param {AppState} s @param {string} key */
export function viewOf(s, key) {
  return s.views[key] || NO_VIEW;
}

/**
 * Change a tab's view state.
 * @param {Store<AppState>} store @param {string} key @param {Partial<ViewState>} patch
 */
export function setView(store, key, patch) {
  store.update((s) => ({ views: { ...s.views, [key]: { ...viewOf(s, key), ...patch } } }));
}

/**
 * The run a payload's tab shows: a workflow history's picked run, else the core's
 * newest; any other payload's only run.
 * @param {Doc} doc @param {ViewState} view @returns {Run | null}
 */
export function selectedRun(doc, view) {
  const s = doc.summary;
  if (!s || !s.runs || !s.runs.length) return null;
  if (s.kind === "workflow-executions") {
    return s.runs.find((r) => r.id === view.run) || s.runs.find((r) => r.id === s.newestRun) || s.runs[0];
  }
  return s.runs[0];
}

// ---- the hash ---------------------------------------------------------------------------------

/** The hash of a state (defaults left out). @param {AppState} s */
export function toHash(s) {
  /** @type {Record<string, string | number>} */
  const st = {
    s: s.docs.filter((d) => d.source.startsWith("sample:")).map((d) => d.source.slice(7)).join(","),
    tab: Math.max(0, activeIndex(s)) || "",
    tm: s.tm !== "utc" ? s.tm : "",
    theme: s.theme,
    lang: s.lang !== defaultLang(s.ui) ? s.lang : "",
  };
  const tab = activeTab(s);
  if (tab) {
    const v = viewOf(s, tab.key);
    const doc = tab.kind === "doc" ? tab.doc : null;
    const run = doc && doc.summary && doc.summary.kind === "workflow-executions" ? selectedRun(doc, v) : null;
    Object.assign(st, {
      run: run ? run.id : "",
      ph: [...v.phases].join(","),
      type: v.type, el: v.el, q: v.q, sort: v.sort !== "asc" ? v.sort : "",
      lane: v.lane, z: v.z ? v.z.join(",") : "",
      show: v.show !== "timeline" ? v.show : "", hl: v.hl,
    });
    const cmp = v.cmp;
    const other = cmp && doc ? s.docs.findIndex((d) => d.id === cmp.docId) : -1;
    if (cmp && other >= 0) { st.cmp = String(other); st.cmprun = cmp.run || ""; }
  }
  return st;
}

/**
 * The view state a hash names; `cmpTab` is the compared tab's index (a doc id
 * only once the samples are open again).
 * @param {Record<string, string>} st
 * @returns {ViewState & {cmpTab?: {tab: number, run: string}}}
 */
export function viewFromHash(st) {
  /** @type {ViewState & {cmpTab?: {tab: number, run: string}}} */
  const v = newView();
  if (st.run) v.run = st.run;
  if (st.ph) v.phases = new Set(/** @type {Phase[]} */ (st.ph.split(",").filter((p) => /** @type {string[]} */ (PHASES).includes(p))));
  if (st.type) v.type = st.type;
  if (st.el) v.el = st.el;
  if (st.q) v.q = st.q;
  if (st.sort) v.sort = /** @type {EventSort} */ (st.sort);
  if (st.lane) v.lane = st.lane;
  if (RUN_SHOWS.includes(/** @type {RunShow} */ (st.show))) v.show = /** @type {RunShow} */ (st.show);
  if (st.hl && HIGHLIGHTS.includes(/** @type {Highlight} */ (st.hl))) v.hl = /** @type {Highlight} */ (st.hl);
  if (st.cmp != null && /^\d+$/.test(st.cmp)) v.cmpTab = { tab: Number(st.cmp), run: st.cmprun || "" };
  if (st.z) {
    const z = st.z.split(",").map(Number);
    if (z.length === 2 && z.every(isFinite) && z[1] > z[0]) v.z = [z[0], z[1]];
  }
  return v;
}

/**
 * The display settings a hash names; absent ones keep `base`'s.
 * @param {Record<string, string>} st @param {Pick<AppState, "tm" | "theme" | "lang">} base
 * @returns {Pick<AppState, "tm" | "theme" | "lang">}
 */
export function displayFromHash(st, base) {
  return {
    tm: TIME_MODES.some((m) => m.id === st.tm) ? /** @type {TimeMode} */ (st.tm) : base.tm,
    theme: st.theme === "dark" || st.theme === "light" ? st.theme : base.theme,
    lang: st.lang === "zh" || st.lang === "en" || st.lang === "both" ? /** @type {Lang} */ (st.lang) : base.lang,
  };
}
