// @ts-check
// A view's work queue: what a view draws after the first paint (a timeline, the
// events, objectData) runs one task at a time, each after the browser has
// painted what came before, so that a big payload's page stays responsive. The
// view's root says data-loaded="true" once everything queued is drawn (tests
// wait for it).

/** @import { Shell, BusyEnd } from "../app/shell.js" */

import { h } from "../dom.js";

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

export class TaskQueue {
  /** @param {Shell} shell @param {HTMLElement} root */
  constructor(shell, root) {
    this.shell = shell;
    this.root = root;
    this.dead = false;
    /** @type {Promise<void>} */
    this.tail = Promise.resolve();
    /** The busy note of the task that runs now, when it shows one. @type {BusyEnd | null} */
    this.note = null;
  }

  /**
   * Run fn after the browser has painted what is built so far. msg: the busy note
   * shown meanwhile (null: none). A failure is a toast, never an unhandled rejection.
   * @param {string | null} msg @param {() => unknown} fn
   */
  later(msg, fn) {
    this.tail = this.tail.then(async () => {
      if (this.dead) return;
      // (ended in `finally`: also when the view is closed during the wait — a
      // note left behind by a closed tab would never go)
      const end = msg ? this.shell.busy(msg) : null;
      this.note = end;
      try {
        await nextFrame();
        if (this.dead) return;
        await fn();
      } catch (e) {
        this.shell.toast(this.shell.m.t("queue.failed", { detail: String((e && /** @type {Error} */ (e).message) || e) }), true);
        console.error(e);
      } finally {
        this.note = null;
        if (end) end();
      }
    });
    return this.tail;
  }

  /** data-loaded="true" on the root once everything queued is drawn; then `done` (the view says so to a screen reader). @param {() => void} [done] */
  markLoaded(done) {
    this.root.dataset.loaded = "false";
    const check = () => {
      const q = this.tail;
      q.then(() => {
        if (this.dead) return;
        if (this.tail === q) { this.root.dataset.loaded = "true"; if (done) done(); }
        else check(); // more was queued meanwhile
      });
    };
    check();
  }

  destroy() {
    this.dead = true;
  }
}

/**
 * A panel: a section with a head (its title and extras) and a body.
 * @param {string} id @param {string} title @param {string} testid @param {...(Node | string | null)} extra
 */
export function section(id, title, testid, ...extra) {
  const head = h("header", { class: "panel-head" }, h("h3", null, title), ...extra);
  const body = h("div", { class: "panel-body" });
  const el = h("section", { class: "panel", id, "data-testid": testid }, head, body);
  return { el, head, body };
}
