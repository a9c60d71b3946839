// @ts-check
// The shell both pages share (index.html and replay.html): the header's theme
// button and time-mode switch, the version, the toast, the busy note, and the
// "cannot start" panel. Theme and time mode live in the page's store; the shell
// draws them from it and changes them through it.
import { h, clear } from "../dom.js";
import { renderTimeModeSwitch, nextTimeMode } from "../render/timemode.js";
import { renderError } from "../render/errors.js";

/** @import { Store } from "./store.js" */
/** @import { Theme, TimeMode } from "../types.js" */
/** @import { Engine } from "../data/client.js" */

const THEME_ICON = { "": "◐", dark: "☾", light: "☀" };
const THEME_NAME = { "": "auto (system)", dark: "dark", light: "light" };

/** The theme after `t` (the T key, the theme button): auto → dark → light. @param {Theme} t @returns {Theme} */
export function nextTheme(t) {
  return t === "" ? "dark" : t === "dark" ? "light" : "";
}

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * A busy task's end(): ends it (once; later calls do nothing); update(msg) changes its text.
 * @typedef {(() => void) & {update: (msg: string) => void}} BusyEnd
 */

export class Shell {
  /**
   * @param {Store<{theme: Theme, tm: TimeMode}>} store
   * @param {{onThemeChange?: () => void}} [o] called after the theme changed (also the system's): canvases redraw
   */
  constructor(store, o = {}) {
    this.store = store;
    this.onThemeChange = o.onThemeChange || (() => {});
    /** @type {{msg: string}[]} */
    this.busyTasks = [];
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.toastTimer = undefined;
    $("theme-toggle").addEventListener("click", () => this.cycleTheme());
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => this.onThemeChange());
    store.subscribe((s, prev) => {
      if (s.theme !== prev.theme) { this.applyTheme(); this.onThemeChange(); }
      if (s.tm !== prev.tm) this.renderTimeMode();
    });
    this.applyTheme();
    this.renderTimeMode();
  }

  cycleTheme() {
    this.store.update((s) => ({ theme: nextTheme(s.theme) }));
  }

  cycleTimeMode() {
    this.store.update((s) => ({ tm: /** @type {TimeMode} */ (nextTimeMode(s.tm)) }));
  }

  applyTheme() {
    const theme = this.store.get().theme;
    const root = document.documentElement;
    if (theme) root.dataset.theme = theme; else delete root.dataset.theme;
    const b = $("theme-toggle");
    b.textContent = THEME_ICON[theme];
    b.title = "Theme: " + THEME_NAME[theme] + " — click for " + THEME_NAME[nextTheme(theme)] + " (T)";
    b.setAttribute("aria-label", b.title);
  }

  renderTimeMode() {
    renderTimeModeSwitch($("time-mode"), this.store.get().tm, (/** @type {TimeMode} */ tm) => this.store.update({ tm }));
  }

  /** The core's version in the header, and where payloads are read. @param {Engine} engine */
  showVersion(engine) {
    const v = $("version");
    v.textContent = "v" + engine.version;
    v.title = engine.kind === "worker" ? "payloads are read in a Web Worker" : "payloads are read on the page's main thread (no worker could start)";
    document.documentElement.dataset.engine = engine.kind;
  }

  /** A note at the bottom of the page for 3.5 s. @param {string} msg @param {boolean} [bad] */
  toast(msg, bad) {
    const t = $("toast");
    t.textContent = msg;
    t.className = "toast" + (bad ? " bad" : "");
    t.hidden = false;
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => { t.hidden = true; }, 3500);
  }

  /**
   * The busy note. Several tasks may be busy at once (a payload being read while
   * another tab's timeline is built): busy(msg) starts one and returns its end().
   * The newest running task's text shows; the note goes when none runs.
   * @param {string} msg @returns {BusyEnd}
   */
  busy(msg) {
    const task = { msg };
    this.busyTasks.push(task);
    this.showBusy();
    const end = () => {
      const i = this.busyTasks.indexOf(task);
      if (i >= 0) { this.busyTasks.splice(i, 1); this.showBusy(); }
    };
    end.update = (/** @type {string} */ m) => { task.msg = m; this.showBusy(); };
    return end;
  }

  showBusy() {
    const found = document.querySelector(".busy");
    const top = this.busyTasks[this.busyTasks.length - 1];
    if (!top) { if (found) found.remove(); return; }
    const b = found || document.body.appendChild(h("div", { class: "busy", role: "status", "data-testid": "busy" }));
    b.replaceChildren(h("span", { class: "spinner", "aria-hidden": "true" }), top.msg);
  }

  /**
   * The page cannot start (the wasm did not load): the panel replaces the main area.
   * @param {unknown} e @param {{title: string, hint?: string}} o
   */
  fatal(e, o) {
    this.busyTasks.length = 0;
    this.showBusy();
    const err = /** @type {{code?: string, message?: string} | null} */ (e && typeof e === "object" ? e : null);
    const main = $("main");
    clear(main);
    main.appendChild(renderError({
      code: (err && err.code) || "wasm_unavailable",
      message: "The WebAssembly core could not be loaded: " + ((err && err.message) || e) + (o.hint || ""),
      line: null, column: null, offset: null,
    }, { title: o.title }));
  }
}
