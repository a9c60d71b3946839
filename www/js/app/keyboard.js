// @ts-check
// Keyboard shortcuts (render/help.js lists them). The timeline's keys are
// shared with the replay (timelineKey); the viewer's own are in installKeys.
import { renderHelp } from "../render/help.js";
import { isTyping, togglePaste } from "./inputs.js";
import { messages } from "../i18n/index.js";
import { viewOf, setView, RUN_SHOWS } from "./state.js";

/** @import { AppState, Lang } from "../types.js" */
/** @import { Store } from "./store.js" */
/** @import { Shell } from "./shell.js" */
/** @import { Pane } from "./pane.js" */
/** @import { TimelineView } from "../render/timeline-view.js" */

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * The timeline's keys: W S + − zoom, A D pan, F 0 fit, J K step through the
 * lanes; the arrows pan and step only while the timeline has the focus. True
 * when the key was one of them.
 * @param {TimelineView} tl @param {string} k
 */
export function timelineKey(tl, k) {
  if (k.startsWith("Arrow") && document.activeElement !== tl.canvas) return false;
  switch (k) {
    case "w": case "W": case "+": case "=": tl.zoomBy(1 / 1.6); return true;
    case "s": case "S": case "-": case "_": tl.zoomBy(1.6); return true;
    case "a": case "A": case "ArrowLeft": tl.panBy(-0.2); return true;
    case "d": case "D": case "ArrowRight": tl.panBy(0.2); return true;
    case "f": case "F": case "0": tl.fit(); return true;
    case "j": case "J": case "ArrowDown": tl.step(1); return true;
    case "k": case "K": case "ArrowUp": tl.step(-1); return true;
    default: return false;
  }
}

/** Where the focus was before the help opened (it goes back there when it closes). @type {HTMLElement | null} */
let helpOpener = null;

/**
 * Show (true), hide (false) or toggle (undefined) the shortcut overlay, in the
 * store's language. Opening it moves the focus into it; closing it returns the
 * focus to where it was.
 * @param {Store<AppState>} store @param {boolean} [show]
 */
export function toggleHelp(store, show) {
  const o = $("help-overlay");
  const next = show === undefined ? o.hidden : show;
  if (next) {
    if (o.hidden) helpOpener = /** @type {HTMLElement | null} */ (document.activeElement);
    o.replaceChildren(renderHelp(() => toggleHelp(store, false), messages(store.get().ui)));
    o.hidden = false;
    const btn = o.querySelector("button");
    if (btn) btn.focus();
  } else if (!o.hidden) {
    o.hidden = true;
    restoreFocus();
  }
}

/** The focus back to the help's opener (if it is still on the page). */
function restoreFocus() {
  const el = helpOpener;
  helpOpener = null;
  if (el && el.isConnected && typeof el.focus === "function") el.focus();
}

/**
 * Close the help, open menus and the paste box; true when one was open. The
 * focus returns to what opened it (the help's opener, a menu's summary, the
 * Paste button).
 * @param {Store<AppState>} store
 */
function closeOverlays(store) {
  let did = false;
  if (!$("help-overlay").hidden) { toggleHelp(store, false); did = true; }
  for (const m of document.querySelectorAll("details.menu[open]")) {
    const d = /** @type {HTMLDetailsElement} */ (m);
    const inside = d.contains(document.activeElement);
    d.open = false;
    did = true;
    const sum = /** @type {HTMLElement | null} */ (d.querySelector("summary"));
    if (inside && sum) sum.focus();
  }
  if (!$("paste-panel").hidden) {
    const inside = $("paste-panel").contains(document.activeElement);
    $("paste-panel").hidden = true;
    did = true;
    if (inside) $("paste-toggle").focus();
  }
  return did;
}

/** Tab and Shift+Tab stay inside a modal dialog (the help): from its last control to its first, and back. @param {HTMLElement} box @param {KeyboardEvent} e */
function trapFocus(box, e) {
  const all = /** @type {HTMLElement[]} */ (Array.from(box.querySelectorAll("button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])")));
  if (!all.length) return;
  const first = all[0], last = all[all.length - 1];
  const inside = box.contains(document.activeElement);
  if (e.shiftKey && (document.activeElement === first || !inside)) { e.preventDefault(); last.focus(); }
  else if (!e.shiftKey && (document.activeElement === last || !inside)) { e.preventDefault(); first.focus(); }
}

/** @type {Lang[]} */
const LANG_ORDER = ["zh", "en", "both"];

/**
 * The viewer's keys.
 * @param {object} o
 * @param {Store<AppState>} o.store
 * @param {Shell} o.shell
 * @param {Pane} o.pane the active view
 * @param {{activateIndex(i: number): void, step(d: number): void, close(key: string): void}} o.tabs
 */
export function installKeys({ store, shell, pane, tabs }) {
  document.addEventListener("keydown", (e) => {
    const view = pane.view;
    const panel = view && view.panel;
    const tl = panel && panel.timeline;
    if (e.key === "Escape") {
      if (closeOverlays(store)) { e.preventDefault(); return; }
      if (isTyping(e.target)) { /** @type {HTMLElement} */ (e.target).blur(); return; }
      if (tl && tl.selectedLane()) { tl.select(null); e.preventDefault(); }
      return;
    }
    if (e.key === "Tab" && !$("help-overlay").hidden) { trapFocus($("help-overlay"), e); return; }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (isTyping(e.target)) return;
    if (!$("help-overlay").hidden && e.key !== "?") return;
    const k = e.key;
    let handled = true;
    switch (k) {
      case "?": toggleHelp(store); break;
      case "o": case "O": $("file-input").click(); break;
      case "p": case "P": togglePaste(true); break;
      case "m": case "M": {
        const m = /** @type {HTMLDetailsElement} */ ($("samples-menu"));
        m.open = !m.open;
        if (m.open) { const b = /** @type {HTMLElement | null} */ (m.querySelector(".menu-item")); if (b) b.focus(); }
        break;
      }
      case "t": case "T": shell.cycleTheme(); break;
      case "u": case "U": shell.cycleTimeMode(); break;
      case "l": case "L": store.update((s) => ({ lang: LANG_ORDER[(LANG_ORDER.indexOf(s.lang) + 1) % 3] })); break;
      case "[": tabs.step(-1); break;
      case "]": tabs.step(1); break;
      case "x": case "X": { const a = store.get().active; if (a != null) tabs.close(a); break; }
      case "/": if (panel && panel.events) panel.events.focusSearch(); else handled = false; break;
      case "e": case "E": if (panel && panel.run && panel.run.firstFailure) panel.jumpToFailure(panel.run.firstFailure); else handled = false; break;
      case "g": case "G": {
        // timeline → graph → both
        const a = store.get().active;
        if (a == null || !panel) { handled = false; break; }
        const cur = viewOf(store.get(), a).show;
        setView(store, a, { show: RUN_SHOWS[(RUN_SHOWS.indexOf(cur) + 1) % RUN_SHOWS.length] });
        break;
      }
      default: handled = false;
    }
    if (!handled && /^[1-9]$/.test(k)) {
      const i = Number(k) - 1;
      const n = store.get().docs.length + store.get().joins.length;
      if (i < n) { tabs.activateIndex(i); handled = true; }
    }
    if (!handled && tl && panel) {
      handled = timelineKey(tl, k);
      if (!handled && k === "Enter") {
        const l = tl.selectedLane();
        if (l) { panel.onLane(l); handled = true; }
      }
    }
    if (handled) e.preventDefault();
  });
  document.addEventListener("click", (e) => {
    for (const m of document.querySelectorAll("details.menu[open]")) if (!m.contains(/** @type {Node} */ (e.target))) /** @type {HTMLDetailsElement} */ (m).open = false;
  });
  $("help-toggle").addEventListener("click", () => toggleHelp(store));
  $("help-overlay").addEventListener("click", (e) => { if (e.target === $("help-overlay")) toggleHelp(store, false); });
  // The help, when open, in the new language.
  store.subscribe((s, prev) => { if (s.ui !== prev.ui && !$("help-overlay").hidden) toggleHelp(store, true); });
}
