// @ts-check
// The error panel (a payload that cannot be read) and the warnings list.
import { h } from "../dom.js";
import { fmtNum, FORMAT_LABELS } from "../fmt.js";

/** @import { PageError, Warning } from "../types.js" */

/** @type {Record<string, string>} */
const HINTS = {
  invalid_json: "The text is not valid JSON. The reader tolerates a byte order mark and trailing commas; anything else must be fixed in the payload.",
  unknown_format: "The JSON is valid but is none of the formats execscope reads: " + Object.values(FORMAT_LABELS).join(", ") + ".",
  too_large: "The payload is larger than the size cap.",
  too_deep: "The payload nests deeper than the reader allows.",
  invalid_base64: "objectData is not valid base64.",
  invalid_option: "An option passed to the reader was invalid.",
  unknown_run: "The run id is not in this workflow history.",
};

/** The error panel for a payload that could not be read. @param {PageError} err @param {{title?: string}} [opts] */
export function renderError(err, opts = {}) {
  const box = h("section", { class: "card error-card", "data-testid": "error", role: "alert" });
  box.appendChild(h("div", { class: "error-head" },
    h("span", { class: "err-icon", "aria-hidden": "true" }, "!"),
    h("div", null,
      h("div", { class: "error-title" }, opts.title || "This payload cannot be read"),
      h("div", { class: "error-line" },
        h("code", { class: "code-badge", "data-testid": "error-code" }, err.code),
        h("span", { class: "error-msg", "data-testid": "error-message" }, err.message)))));
  if (err.line != null) {
    box.appendChild(h("div", { class: "error-pos", "data-testid": "error-position" },
      "Line ", h("strong", null, fmtNum(err.line)), err.column != null ? [", column ", h("strong", null, fmtNum(err.column))] : null));
  }
  if (err.offset != null && err.line == null) {
    box.appendChild(h("div", { class: "error-pos" }, "Offset ", h("strong", null, fmtNum(err.offset))));
  }
  if (err.context && err.context.length) {
    const w = String(err.context[err.context.length - 1].n).length;
    const pre = h("pre", { class: "excerpt mono", "data-testid": "error-excerpt" });
    for (const l of err.context) {
      const mark = l.caret != null;
      pre.appendChild(h("div", { class: mark ? "ex-line ex-bad" : "ex-line" },
        h("span", { class: "ex-n" }, String(l.n).padStart(w, " ")),
        h("span", { class: "ex-t" }, l.text === "" ? " " : l.text)));
      if (mark) {
        pre.appendChild(h("div", { class: "ex-line ex-caret", "data-testid": "error-caret" },
          h("span", { class: "ex-n" }, " ".repeat(w)),
          // The prefix is the line's own text made invisible, so wide (CJK) characters and tabs line up.
          h("span", { class: "ex-t" }, h("span", { class: "ex-ghost", "aria-hidden": "true" }, Array.from(l.text).slice(0, Math.max(0, (l.caret ?? 1) - 1)).join("")), "^ here")));
      }
    }
    box.appendChild(pre);
  }
  const hint = HINTS[err.code];
  if (hint) box.appendChild(h("p", { class: "muted small" }, hint));
  return box;
}

/** Warnings: each with code, message, path; `onReveal(path)` shows the path in the raw tree. @param {readonly Warning[]} warnings @param {{onReveal?: (path: string) => void}} [opts] */
export function renderWarnings(warnings, opts = {}) {
  const LIMIT = 50;
  const list = h("ul", { class: "warn-list" });
  const add = (/** @type {number} */ from, /** @type {number} */ to) => {
    for (let i = from; i < to; i++) {
      const w = warnings[i];
      list.appendChild(h("li", { class: "warn-item", "data-testid": "warning" },
        h("code", { class: "code-badge warn-code" }, w.code),
        h("span", { class: "warn-msg" }, w.message),
        h("button", { type: "button", class: "linkbtn mono warn-path", title: "Show in the raw payload",
          onclick: () => opts.onReveal && opts.onReveal(w.path) }, w.path)));
    }
  };
  add(0, Math.min(LIMIT, warnings.length));
  const details = h("details", { class: "card warnings", "data-testid": "warnings", open: warnings.length <= 5 },
    h("summary", null,
      h("span", { class: "warn-icon", "aria-hidden": "true" }, "⚠"),
      h("span", { class: "sec-title" }, warnings.length === 1 ? "1 warning" : fmtNum(warnings.length) + " warnings"),
      h("span", { class: "muted small" }, " — what the reader repaired or dropped; the rest was read")),
    list);
  if (warnings.length > LIMIT) {
    const more = h("button", { type: "button", class: "linkbtn", onclick: () => { add(LIMIT, warnings.length); more.remove(); } },
      "Show all " + fmtNum(warnings.length));
    details.appendChild(more);
  }
  return details;
}
