// @ts-check
// The shell both pages share (index.html and replay.html): the header's theme
// button, time-mode switch and language switch, the words of the page's static
// markup (data-i18n), <html lang>, the version, the toast, the busy note, the
// live region that says what loaded or failed, and the "cannot start" panel.
// Theme, time mode and the interface's language live in the page's store; the
// shell draws them from it and changes them through it.
import { h, clear } from "../dom.js";
import { renderTimeModeSwitch, nextTimeMode } from "../render/timemode.js";
import { renderError } from "../render/errors.js";
import { messages, LOCALES, LOCALE_IDS, saveLocale } from "../i18n/index.js";

/** @import { Store } from "./store.js" */
/** @import { Theme, TimeMode, Locale, MessageKey } from "../types.js" */
/** @import { Engine } from "../data/client.js" */
/** @import { Messages } from "../i18n/index.js" */

const THEME_ICON = { "": "◐", dark: "☾", light: "☀" };
/** @type {Record<Theme, MessageKey>} */
const THEME_NAME = { "": "theme.auto", dark: "theme.dark", light: "theme.light" };

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
   * @param {Store<{theme: Theme, tm: TimeMode, ui: Locale}>} store
   * @param {{onThemeChange?: () => void, setLocale?: (locale: Locale) => void, title?: () => string}} [o]
   *   onThemeChange: called after the theme changed (also the system's): canvases redraw;
   *   setLocale: how the header's language switch changes the store (default: `ui` alone);
   *   title: the document's title in the current language
   */
  constructor(store, o = {}) {
    this.store = store;
    this.onThemeChange = o.onThemeChange || (() => {});
    this.setLocale = o.setLocale || ((/** @type {Locale} */ ui) => store.update({ ui }));
    this.title = o.title || (() => this.m.t("page.title"));
    /** @type {Engine | null} */
    this.engine = null;
    /** @type {{msg: string}[]} */
    this.busyTasks = [];
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.toastTimer = undefined;
    $("theme-toggle").addEventListener("click", () => this.cycleTheme());
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => this.onThemeChange());
    const langSel = document.getElementById("ui-lang");
    if (langSel) {
      langSel.addEventListener("change", () => {
        const v = /** @type {Locale} */ (/** @type {HTMLSelectElement} */ (langSel).value);
        saveLocale(v);
        this.setLocale(v);
      });
    }
    store.subscribe((s, prev) => {
      if (s.ui !== prev.ui) this.applyLocale();
      if (s.theme !== prev.theme) { this.applyTheme(); this.onThemeChange(); }
      if (s.tm !== prev.tm) this.renderTimeMode();
    });
    this.applyLocale();
  }

  /** The interface's messages, in the store's language. @returns {Messages} */
  get m() {
    return messages(this.store.get().ui);
  }

  /**
   * The language changed (or the page starts): <html lang>, the title, every
   * element of the static markup that names its message (data-i18n: its text;
   * data-i18n-title, -aria-label, -placeholder: those attributes), the language
   * switch, and what the shell itself draws.
   */
  applyLocale() {
    const m = this.m;
    document.documentElement.lang = m.htmlLang;
    document.title = this.title();
    for (const el of document.querySelectorAll("[data-i18n], [data-i18n-title], [data-i18n-aria-label], [data-i18n-placeholder]")) {
      const e = /** @type {HTMLElement} */ (el);
      const d = e.dataset;
      if (d.i18n) e.textContent = m.t(/** @type {MessageKey} */ (d.i18n));
      if (d.i18nTitle) e.title = m.t(/** @type {MessageKey} */ (d.i18nTitle));
      if (d.i18nAriaLabel) e.setAttribute("aria-label", m.t(/** @type {MessageKey} */ (d.i18nAriaLabel)));
      if (d.i18nPlaceholder) e.setAttribute("placeholder", m.t(/** @type {MessageKey} */ (d.i18nPlaceholder)));
    }
    const sel = /** @type {HTMLSelectElement | null} */ (document.getElementById("ui-lang"));
    if (sel) {
      sel.replaceChildren(...LOCALE_IDS.map((id) => h("option", { value: id, lang: id }, LOCALES[id].name)));
      sel.value = this.store.get().ui;
    }
    this.applyTheme();
    this.renderTimeMode();
    if (this.engine) this.showVersion(this.engine);
    this.showBusy();
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
    const m = this.m;
    b.textContent = THEME_ICON[theme];
    b.title = m.t("theme.title", { now: m.t(THEME_NAME[theme]), next: m.t(THEME_NAME[nextTheme(theme)]) });
    b.setAttribute("aria-label", b.title);
  }

  renderTimeMode() {
    renderTimeModeSwitch($("time-mode"), this.store.get().tm, (/** @type {TimeMode} */ tm) => this.store.update({ tm }), this.m);
  }

  /** The core's version in the header, and where payloads are read. @param {Engine} engine */
  showVersion(engine) {
    this.engine = engine;
    const v = $("version");
    v.textContent = "v" + engine.version;
    v.title = this.m.t(engine.kind === "worker" ? "version.worker" : "version.main");
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
   * Say something to a screen reader without showing it (the page's polite live
   * region, #announce): what loaded, what failed. The same text twice is said twice.
   * @param {string} msg
   */
  announce(msg) {
    const a = document.getElementById("announce");
    if (!a) return;
    a.textContent = "";
    setTimeout(() => { a.textContent = msg; }, 50);
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
   * @param {unknown} e @param {{title: MessageKey, hint?: MessageKey}} o
   */
  fatal(e, o) {
    const m = this.m;
    this.busyTasks.length = 0;
    this.showBusy();
    const err = /** @type {{code?: string, message?: string} | null} */ (e && typeof e === "object" ? e : null);
    const main = $("main");
    clear(main);
    main.appendChild(renderError({
      code: (err && err.code) || "wasm_unavailable",
      message: m.t("fatal.message", { detail: String((err && err.message) || e) }) + (o.hint ? m.t(o.hint) : ""),
      line: null, column: null, offset: null,
    }, { title: m.t(o.title), m }));
  }
}
