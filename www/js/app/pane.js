// @ts-check
// The main area: the active tab's view (views/doc-view.js, views/join-view.js)
// or, with no tab, the welcome screen. It mounts a new view when the active tab
// changes (or a joined run's sources changed), hands the view its context, and
// destroys the old one. Adding a kind of view is adding a case to mount().
import { h, clear } from "../dom.js";
import { activeTab } from "./state.js";
import { DocView } from "../views/doc-view.js";
import { JoinView } from "../views/join-view.js";

/** @import { ViewContext, Tab, SampleMeta } from "../types.js" */

/** @typedef {DocView | JoinView} TabView */

/** The identity of the tab a view shows. @param {TabView | null} v */
function shownBy(v) {
  return !v ? "" : v instanceof JoinView ? v.key + "|" + v.join.key : v.key;
}

/** What identifies the view a tab needs: its key, and for a joined run its sources. @param {Tab | null} t */
function identity(t) {
  return t ? t.key + (t.kind === "join" ? "|" + t.join.key : "") : "";
}

export class Pane {
  /**
   * @param {ViewContext} ctx @param {HTMLElement} main
   * @param {(main: HTMLElement, samples: readonly SampleMeta[] | null) => void} welcome draws the welcome screen
   */
  constructor(ctx, main, welcome) {
    this.ctx = ctx;
    this.main = main;
    this.welcome = welcome;
    /** @type {TabView | null} */
    this.view = null;
    this.remounting = false;
    ctx.store.subscribe((s, prev) => {
      if (this.remounting) return;
      const id = identity(activeTab(s));
      // A new language draws the view again from the store (its ViewState keeps the lane, zoom, filters).
      if (id !== this.shown() || (!id && s.samples !== prev.samples) || s.ui !== prev.ui) this.mount();
    });
  }

  /** What the pane shows: the identity of the active view's tab, "" for the welcome screen. */
  shown() {
    return shownBy(this.view);
  }

  /** Draw the active tab's view (again). */
  mount() {
    const s = this.ctx.store.get();
    if (this.view) { this.view.destroy(); this.view = null; }
    clear(this.main);
    const tab = activeTab(s);
    if (!tab) { this.welcome(this.main, s.samples); return; }
    const root = h("div", { class: ["doc", tab.kind === "join" ? "doc-join" : ""], "data-testid": "doc", "data-kind": tab.kind === "join" ? "join" : "payload" });
    this.main.appendChild(root);
    this.view = tab.kind === "join" ? new JoinView(this.ctx, tab.join, root) : new DocView(this.ctx, tab.doc, root);
  }

  /** Change the state and draw the view from scratch (a hand-edited hash): the old view sees nothing of the change. @param {() => void} change */
  remount(change) {
    if (this.view) { this.view.destroy(); this.view = null; }
    this.remounting = true;
    try { change(); } finally { this.remounting = false; }
    this.mount();
  }

  /** Resolves when the active view has drawn what it queued (joining never delays a first paint); at most 10 s. */
  async idle() {
    const limit = new Promise((r) => setTimeout(r, 10000)).then(() => true);
    for (let k = 0; k < 50; k++) {
      const v = this.view;
      const q = v && v.queue.tail;
      if (!v || !q) return;
      if (await Promise.race([q.then(() => false), limit])) return;
      if (!this.view || this.view.queue.tail === q) return;
    }
  }
}
