// @ts-check
// Tiny DOM helper: every string becomes a text node or a property, never markup.

/**
 * What h() takes as attributes: `class` a string or a list (falsy entries left
 * out), `dataset` and `style` objects, `on<event>` listeners, anything else set
 * as an attribute (null, undefined and false: not set; true: present).
 * @typedef {Record<string, any>} Attrs
 */
/** @import { Child } from "./types.js" */
/** @import { Messages } from "./i18n/index.js" */
import { EN } from "./i18n/index.js";

/**
 * h("div", {class: "x", onclick: fn, dataset: {id: "1"}, style: {width: "3px"}}, "text", child, [more])
 * - strings / numbers become text nodes (never parsed as HTML)
 * - `style` must be an object (set through CSSOM, allowed by the page's CSP)
 * - `on<event>` functions become listeners
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag @param {Attrs | null} [attrs] @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** @param {HTMLElement} el @param {Attrs} attrs */
export function setAttrs(el, attrs) {
  for (const k of Object.keys(attrs)) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (k === "class") el.className = Array.isArray(v) ? v.filter(Boolean).join(" ") : v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "style") Object.assign(el.style, v);
    else if (k === "text") el.textContent = String(v);
    else if (k === "value" || k === "checked" || k === "selected" || k === "disabled" || k === "hidden") /** @type {any} */ (el)[k] = v;
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  return el;
}

/** @param {Node} el @param {Child[]} children */
export function append(el, children) {
  for (const c of children) {
    if (c == null || c === false || c === true) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
  return el;
}

/** Bring an element into view: smoothly, unless the reader asked for reduced motion. @param {Element} el @param {ScrollLogicalPosition} [block] */
export function scrollToEl(el, block = "start") {
  const reduce = typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
  el.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block });
}

/** Remove every child. @template {Element} E @param {E} el @returns {E} */
export function clear(el) {
  el.replaceChildren();
  return el;
}

/** Copy text to the clipboard; falls back to a hidden textarea. Resolves true on success. @param {string} text */
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch (_) { /* fall through */ }
  const ta = h("textarea", { class: "offscreen", readonly: true });
  ta.value = text;
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try { ok = document.execCommand("copy"); } catch (_) { ok = false; }
  ta.remove();
  return ok;
}

/** Offer `text` as a file download through a Blob URL (no network). @param {string} text @param {string} filename @param {string} [type] */
export function downloadText(text, filename, type) {
  const blob = new Blob([text], { type: type || "text/plain;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = h("a", { download: filename, class: "offscreen" });
  a.href = url;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Text cut for display. Browsers lay out a long run of characters without a
 * break opportunity in time growing with the square of its length (a
 * 30,000-character id: seconds of frozen page), so tooltips and the details
 * panel show at most `max` UTF-16 units (whole code points) of a value. Returns
 * the text itself when it fits, else [its start, a "+N characters" note]; with
 * `copy`, the note is a button that copies the whole text. The note carries the
 * full length in data-full-length. The note is in the language of `m` (default English).
 * @param {unknown} text @param {number} max @param {boolean} [copy] @param {Messages} [m]
 * @returns {string | [string, HTMLElement]}
 */
export function clipped(text, max, copy, m = EN) {
  const s = String(text ?? "");
  if (s.length <= max) return s;
  let cut = max;
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--; // not half a surrogate pair
  const label = m.t("clip.more", { n: s.length - cut });
  const attrs = { class: "clip-more", "data-full-length": String(s.length), title: m.t(copy ? "clip.titleCopy" : "clip.title", { n: s.length }) };
  /** @type {HTMLElement} */
  let note;
  if (copy) {
    note = h("button", { type: "button", ...attrs, onclick: async (/** @type {Event} */ e) => {
      e.stopPropagation();
      note.textContent = m.t((await copyText(s)) ? "clip.copied" : "clip.copyFailed", { label });
    } }, m.t("clip.copy", { label }));
  } else note = h("span", attrs, label);
  return [s.slice(0, cut), note];
}
