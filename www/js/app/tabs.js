// @ts-check
// The tab strip: a tab per open payload, then one per joined run (⋈). Drawn from
// the store whenever what it shows changes; a click activates or closes a tab
// through the actions it is given.
import { h, clear } from "../dom.js";
import { formatLabel, phaseName, fmtBytes, phaseClass } from "../fmt.js";
import { tabsOf, viewOf, selectedRun, docKey } from "./state.js";
import { messages } from "../i18n/index.js";

/** @import { AppState, Doc, Join } from "../types.js" */
/** @import { Store } from "./store.js" */
/** @import { Docs } from "../data/docs.js" */
/** @import { Joins } from "./joins.js" */
/** @import { Messages } from "../i18n/index.js" */

/**
 * @typedef {object} TabActions
 * @property {(key: string) => void} activate
 * @property {(key: string) => void} close
 */

/**
 * What the tabs do: activate one (by key, or by index: the 1–9 keys), step to
 * the next or previous, close one. Closing a payload disposes of it in the
 * engine and drops the runs it joined (the workspace is rebuilt without it);
 * closing a joined run keeps its payloads and does not show it again.
 * Activating the active tab draws its view again (as a click on it always has).
 * @param {Store<AppState>} store @param {Docs} docs @param {Joins} joins @param {() => void} redraw draws the active view again
 */
export function tabActions(store, docs, joins, redraw) {
  /** @param {string} key */
  const activate = (key) => {
    if (!tabsOf(store.get()).some((t) => t.key === key)) return;
    if (store.get().active === key) redraw();
    else store.update({ active: key });
  };
  return {
    activate,
    /** @param {number} i */
    activateIndex(i) {
      const all = tabsOf(store.get());
      if (i >= 0 && i < all.length) activate(all[i].key);
    },
    /** @param {number} d */
    step(d) {
      const s = store.get();
      const all = tabsOf(s);
      if (!all.length) return;
      const i = all.findIndex((t) => t.key === s.active);
      activate(all[((i < 0 ? 0 : i) + d + all.length) % all.length].key);
    },
    /** @param {string} key */
    close(key) {
      const s = store.get();
      const before = tabsOf(s);
      const item = before.find((t) => t.key === key);
      if (!item) return;
      /** @type {Partial<AppState>} */
      let next;
      if (item.kind === "join") {
        joins.dismiss(item.join);
        next = { joins: s.joins.filter((j) => j !== item.join) };
      } else {
        const doc = item.doc;
        docs.dispose(doc);
        joins.removed(doc);
        next = { docs: s.docs.filter((d) => d !== doc), joins: s.joins.filter((j) => !j.sources.some((x) => x.docId === doc.id)) };
      }
      const views = { ...s.views };
      delete views[key];
      // The active tab stays; when it went, the tab now at its place (or the last) is active.
      const after = tabsOf({ ...s, ...next });
      let active = s.active;
      if (!after.some((t) => t.key === active)) {
        const i = before.findIndex((t) => t.key === active);
        active = after.length ? after[Math.min(Math.max(i, 0), after.length - 1)].key : null;
      }
      store.update({ ...next, views, active });
    },
  };
}

/** Whether the strip must be drawn again: the tabs, the active one, or a payload's selected run changed. @param {AppState} s @param {AppState} prev */
function changed(s, prev) {
  if (s.docs !== prev.docs || s.joins !== prev.joins || s.active !== prev.active || s.ui !== prev.ui) return true;
  return s.docs.some((d) => viewOf(s, docKey(d)).run !== viewOf(prev, docKey(d)).run);
}

/**
 * Keep `nav` drawn from the store.
 * @param {HTMLElement} nav @param {Store<AppState>} store @param {TabActions} actions
 */
export function installTabs(nav, store, actions) {
  const draw = () => renderTabs(nav, store.get(), actions, messages(store.get().ui));
  store.subscribe((s, prev) => { if (changed(s, prev)) draw(); });
  draw();
}

/**
 * The strip: a navigation of buttons (the active one aria-current), each with its
 * close button beside it — not an ARIA tablist, which may hold nothing but tabs.
 * @param {HTMLElement} nav @param {AppState} s @param {TabActions} actions @param {Messages} m
 */
function renderTabs(nav, s, actions, m) {
  const list = nav;
  clear(list);
  const all = tabsOf(s);
  nav.hidden = all.length === 0;
  all.forEach((tab, i) => {
    const on = tab.key === s.active;
    list.appendChild(tab.kind === "join" ? joinTab(tab.join, i, on, actions, m) : docTab(tab.doc, s, i, on, actions, m));
  });
}

/** A tab's title, with its key (1–9). @param {string} title @param {number} i @param {Messages} m */
function keyed(title, i, m) {
  return i < 9 ? m.t("tab.key", { title, key: String(i + 1) }) : title;
}

/** @param {Doc} doc @param {AppState} s @param {number} i @param {boolean} on @param {TabActions} actions @param {Messages} m */
function docTab(doc, s, i, on, actions, m) {
  const key = docKey(doc);
  const run = doc.summary && doc.summary.runs.length ? selectedRun(doc, viewOf(s, key)) : null;
  const status = doc.error ? h("span", { class: "tab-err", title: m.t("tab.unreadableTitle", { code: doc.error.code }) }, "!")
    : doc.summary && doc.summary.apiError ? h("span", { class: "tab-err", title: m.t("tab.apiError") }, doc.summary.apiError.httpCode ?? "!")
      : run ? h("span", { class: ["dot", phaseClass(run.phase)], title: phaseName(run.phase, m) }) : null;
  const fmt = doc.format ? formatLabel(doc.format, m) : m.t("tab.unreadable");
  return h("div", { class: ["tab", on ? "on" : ""], "data-testid": "tab", "data-kind": "payload" },
    h("button", { type: "button", class: "tab-main", "aria-current": on ? "page" : null,
      title: keyed(m.t("tab.title", { name: doc.name, format: fmt, size: fmtBytes(doc.size, m) }), i, m),
      onclick: () => actions.activate(key) },
    status,
    h("span", { class: "tab-name" }, doc.name),
    h("span", { class: ["fmt", doc.error ? "fmt-bad" : ""], "data-testid": "tab-format" }, fmt)),
    h("button", { type: "button", class: "tab-x", title: m.t("tab.close"), "aria-label": m.t("tab.closeLabel", { name: doc.name }), onclick: () => actions.close(key) }, "✕"));
}

/** How a joined run's tab names its sources: "3 snapshots" or "2 sources". @param {Join} join @param {Messages} m */
function joinWhat(join, m) {
  return join.snapshots > 1 && join.sources.every((s) => s.role === "status") ? m.t("tab.snapshots", { n: join.snapshots }) : m.t("tab.sources", { n: join.sources.length });
}

/** @param {Join} join @param {number} i @param {boolean} on @param {TabActions} actions @param {Messages} m */
function joinTab(join, i, on, actions, m) {
  return h("div", { class: ["tab", "tab-join", on ? "on" : ""], "data-testid": "tab", "data-kind": "join" },
    h("button", { type: "button", class: "tab-main", "aria-current": on ? "page" : null,
      title: keyed(m.t("tab.joinTitle", { names: join.sources.map((s) => s.name).join(" + ") }), i, m),
      onclick: () => actions.activate(join.id) },
    h("span", { class: ["dot", phaseClass(join.phase)], title: phaseName(join.phase, m) }),
    h("span", { class: "join-icon", "aria-hidden": "true" }, "⋈"),
    h("span", { class: "tab-name" }, join.name || join.runId),
    h("span", { class: "fmt fmt-join", "data-testid": "tab-format" }, m.t("tab.joined", { what: joinWhat(join, m) }))),
    h("button", { type: "button", class: "tab-x", title: m.t("tab.joinClose"), "aria-label": m.t("tab.joinCloseLabel", { name: join.name || join.runId }), onclick: () => actions.close(join.id) }, "✕"));
}
