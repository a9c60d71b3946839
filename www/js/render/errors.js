// @ts-check
// The error panel (a payload that cannot be read) and the warnings list. The
// core's errors and warnings keep their stable codes and English messages: the
// page shows, per code, an explanation in the interface's language (err.code.*,
// warn.code.* in the catalogs), and the core's message as the detail (lang="en").
import { h } from "../dom.js";
import { FORMATS, formatLabel } from "../fmt.js";

/** @import { PageError, Warning, MessageKey } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */

/** The explanation of an error code in the interface's language, or null for a code the catalogs do not know. @param {string} code @param {Messages} m */
export function errorText(code, m) {
  const key = /** @type {MessageKey} */ ("err.code." + code);
  if (!(key in m.catalog)) return null;
  return m.t(key, { formats: m.list(FORMATS.map((f) => formatLabel(f, m))) });
}

/** The explanation of a warning code, or null. @param {string} code @param {Messages} m */
export function warningText(code, m) {
  const key = /** @type {MessageKey} */ ("warn.code." + code);
  return key in m.catalog ? m.t(key) : null;
}

/** The error panel for a payload that could not be read. @param {PageError} err @param {{title?: string, m: Messages}} opts */
export function renderError(err, opts) {
  const m = opts.m;
  const why = errorText(err.code, m);
  const box = h("section", { class: "card error-card", "data-testid": "error", role: "alert" });
  box.appendChild(h("div", { class: "error-head" },
    h("span", { class: "err-icon", "aria-hidden": "true" }, "!"),
    h("div", null,
      h("div", { class: "error-title" }, opts.title || m.t("err.title")),
      why ? h("p", { class: "error-why", "data-testid": "error-explanation" }, why) : null,
      h("div", { class: "error-line" },
        h("code", { class: "code-badge", "data-testid": "error-code" }, err.code),
        h("span", { class: "error-msg", "data-testid": "error-message", lang: "en", title: m.t("err.detail") }, err.message)))));
  if (err.line != null) {
    box.appendChild(h("div", { class: "error-pos", "data-testid": "error-position" },
      err.column != null
        ? m.tx("err.lineColumn", { line: h("strong", null, m.num(err.line)), column: h("strong", null, m.num(err.column)) })
        : m.tx("err.line", { line: h("strong", null, m.num(err.line)) })));
  }
  if (err.offset != null && err.line == null) {
    box.appendChild(h("div", { class: "error-pos" }, m.tx("err.offset", { offset: h("strong", null, m.num(err.offset)) })));
  }
  if (err.context && err.context.length) {
    const w = String(err.context[err.context.length - 1].n).length;
    const pre = h("pre", { class: "excerpt mono", "data-testid": "error-excerpt", tabindex: "0" });
    for (const l of err.context) {
      const mark = l.caret != null;
      pre.appendChild(h("div", { class: mark ? "ex-line ex-bad" : "ex-line" },
        h("span", { class: "ex-n" }, String(l.n).padStart(w, " ")),
        h("span", { class: "ex-t" }, l.text === "" ? " " : l.text)));
      if (mark) {
        pre.appendChild(h("div", { class: "ex-line ex-caret", "data-testid": "error-caret" },
          h("span", { class: "ex-n" }, " ".repeat(w)),
          // The prefix is the line's own text made invisible, so wide (CJK) characters and tabs line up.
          h("span", { class: "ex-t" }, h("span", { class: "ex-ghost", "aria-hidden": "true" }, Array.from(l.text).slice(0, Math.max(0, (l.caret ?? 1) - 1)).join("")), m.t("err.here"))));
      }
    }
    box.appendChild(pre);
  }
  return box;
}

/**
 * Warnings: each with its code, what the code means (in the interface's language),
 * the core's message and its path; `onReveal(path)` shows the path in the raw tree.
 * @param {readonly Warning[]} warnings @param {{onReveal?: (path: string) => void, m: Messages}} opts
 */
export function renderWarnings(warnings, opts) {
  const m = opts.m;
  const LIMIT = 50;
  const list = h("ul", { class: "warn-list" });
  const add = (/** @type {number} */ from, /** @type {number} */ to) => {
    for (let i = from; i < to; i++) {
      const w = warnings[i];
      const why = warningText(w.code, m);
      list.appendChild(h("li", { class: "warn-item", "data-testid": "warning" },
        h("code", { class: "code-badge warn-code" }, w.code),
        why ? h("span", { class: "warn-why" }, why) : null,
        h("span", { class: "warn-msg", lang: "en" }, w.message),
        h("button", { type: "button", class: "linkbtn mono warn-path", title: m.t("warn.reveal"),
          onclick: () => opts.onReveal && opts.onReveal(w.path) }, w.path)));
    }
  };
  add(0, Math.min(LIMIT, warnings.length));
  const details = h("details", { class: "card warnings", "data-testid": "warnings", open: warnings.length <= 5 },
    h("summary", null,
      h("span", { class: "warn-icon", "aria-hidden": "true" }, "⚠"),
      h("span", { class: "sec-title" }, m.t("warn.count", { n: warnings.length })),
      h("span", { class: "muted small" }, m.t("warn.hint"))),
    list);
  if (warnings.length > LIMIT) {
    const more = h("button", { type: "button", class: "linkbtn", onclick: () => { add(LIMIT, warnings.length); more.remove(); } },
      m.t("warn.showAll", { n: warnings.length }));
    details.appendChild(more);
  }
  return details;
}
