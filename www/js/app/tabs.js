// @ts-check
// The tab strip: a tab per open payload, then one per joined run (⋈). Drawn from
// the store whenever what it shows changes; a click activates or closes a tab
// through the actions it is given.
import { h, clear } from "../dom.js";
import { FORMAT_LABELS, fmtBytes, phaseClass } from "../fmt.js";
import { tabsOf, viewOf, selectedRun, docKey } from "./state.js";

/** @import { AppState, Doc, Join } from "../types.js" */
/** @import { Store } from "./store.js" */
/** @import { Docs } from "../data/docs.js" */
/** @import { Joins } from "./joins.js" */

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
  if (s.docs !== prev.docs || s.joins !== prev.joins || s.active !== prev.active) return true;
  return s.docs.some((d) => viewOf(s, docKey(d)).run !== viewOf(prev, docKey(d)).run);
}

/**
 * Keep `nav` drawn from the store.
 * @param {HTMLElement} nav @param {Store<AppState>} store @param {TabActions} actions
 */
export function installTabs(nav, store, actions) {
  const draw = () => renderTabs(nav, store.get(), actions);
  store.subscribe((s, prev) => { if (changed(s, prev)) draw(); });
  draw();
}

/** @param {HTMLElement} nav @param {AppState} s @param {TabActions} actions */
function renderTabs(nav, s, actions) {
  clear(nav);
  const all = tabsOf(s);
  nav.hidden = all.length === 0;
  all.forEach((tab, i) => {
    const on = tab.key === s.active;
    nav.appendChild(tab.kind === "join" ? joinTab(tab.join, i, on, actions) : docTab(tab.doc, s, i, on, actions));
  });
}

/** @param {Doc} doc @param {AppState} s @param {number} i @param {boolean} on @param {TabActions} actions */
function docTab(doc, s, i, on, actions) {
  const key = docKey(doc);
  const run = doc.summary && doc.summary.runs.length ? selectedRun(doc, viewOf(s, key)) : null;
  const status = doc.error ? h("span", { class: "tab-err", title: "cannot be read: " + doc.error.code }, "!")
    : doc.summary && doc.summary.apiError ? h("span", { class: "tab-err", title: "API error" }, doc.summary.apiError.httpCode ?? "!")
      : run ? h("span", { class: ["dot", phaseClass(run.phase)], title: run.phase }) : null;
  const fmt = doc.format ? (FORMAT_LABELS[doc.format] || doc.format) : "unreadable";
  return h("div", { class: ["tab", on ? "on" : ""], "data-testid": "tab", "data-kind": "payload", role: "presentation" },
    h("button", { type: "button", class: "tab-main", role: "tab", "aria-selected": String(on),
      title: doc.name + " — " + fmt + " — " + fmtBytes(doc.size) + (i < 9 ? " (" + (i + 1) + ")" : ""),
      onclick: () => actions.activate(key) },
    status,
    h("span", { class: "tab-name" }, doc.name),
    h("span", { class: ["fmt", doc.error ? "fmt-bad" : ""], "data-testid": "tab-format" }, fmt)),
    h("button", { type: "button", class: "tab-x", title: "Close (X)", "aria-label": "Close " + doc.name, onclick: () => actions.close(key) }, "✕"));
}

/** How a joined run's tab names its sources: "3 snapshots" or "2 sources". @param {Join} join */
function joinWhat(join) {
  return join.snapshots > 1 && join.sources.every((s) => s.role === "status") ? join.snapshots + " snapshots" : join.sources.length + " sources";
}

/** @param {Join} join @param {number} i @param {boolean} on @param {TabActions} actions */
function joinTab(join, i, on, actions) {
  return h("div", { class: ["tab", "tab-join", on ? "on" : ""], "data-testid": "tab", "data-kind": "join", role: "presentation" },
    h("button", { type: "button", class: "tab-main", role: "tab", "aria-selected": String(on),
      title: "One run joined from " + join.sources.map((s) => s.name).join(" + ") + (i < 9 ? " (" + (i + 1) + ")" : ""),
      onclick: () => actions.activate(join.id) },
    h("span", { class: ["dot", phaseClass(join.phase)], title: join.phase }),
    h("span", { class: "join-icon", "aria-hidden": "true" }, "⋈"),
    h("span", { class: "tab-name" }, join.name || join.runId),
    h("span", { class: "fmt fmt-join", "data-testid": "tab-format" }, "Joined · " + joinWhat(join))),
    h("button", { type: "button", class: "tab-x", title: "Close (X): the payloads stay open", "aria-label": "Close the joined run " + (join.name || join.runId), onclick: () => actions.close(join.id) }, "✕"));
}
