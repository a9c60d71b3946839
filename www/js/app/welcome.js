// @ts-check
// The welcome screen (no tab open) and the header's Samples menu: both list the
// samples of the store (null while the list loads).
import { h, clear } from "../dom.js";
import { formatLabel } from "../fmt.js";

/** @import { SampleMeta } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */

/**
 * @typedef {object} WelcomeActions
 * @property {() => void} openFiles
 * @property {() => void} paste
 * @property {(file: string) => void} sample
 */

/**
 * @param {HTMLElement} main @param {readonly SampleMeta[] | null} samples
 * @param {{replayHref: string} & WelcomeActions} o @param {Messages} m
 */
export function renderWelcome(main, samples, o, m) {
  const cards = h("div", { class: "sample-cards" });
  if (!samples || !samples.length) {
    cards.appendChild(h("p", { class: "muted small" }, m.t(samples ? "welcome.noSamples" : "welcome.loadingSamples")));
  } else {
    for (const s of samples) {
      cards.appendChild(h("button", { type: "button", class: "sample-card", "data-testid": "sample-card", "data-file": s.file, onclick: () => o.sample(s.file) },
        h("span", { class: "sample-title" }, s.title || s.file),
        s.format ? h("span", { class: "fmt" }, formatLabel(s.format, m)) : null,
        s.description ? h("span", { class: "sample-desc" }, s.description) : null));
    }
  }
  main.appendChild(h("div", { class: "welcome", "data-testid": "welcome" },
    h("div", { class: "welcome-drop" },
      h("div", { class: "welcome-icon", "aria-hidden": "true" }, h("span"), h("span"), h("span")),
      h("h1", null, m.t("welcome.title")),
      h("p", { class: "lead" }, m.t("welcome.lead")),
      h("div", { class: "welcome-actions" },
        h("button", { type: "button", class: "btn primary", onclick: o.openFiles }, m.t("welcome.open")),
        h("button", { type: "button", class: "btn", onclick: o.paste }, m.t("welcome.paste")),
        h("span", { class: "muted" }, m.t("welcome.drop"))),
      h("p", { class: "muted small privacy" }, m.t("welcome.privacy"))),
    h("div", { class: "welcome-samples" }, h("h2", null, m.t("welcome.samples")), cards,
      h("p", { class: "muted small replay-hint" }, m.t("welcome.joinHint"),
        h("a", { class: "linkbtn", href: o.replayHref, "data-testid": "welcome-replay" }, m.t("welcome.replay"))))));
}

/**
 * The header's Samples menu.
 * @param {HTMLElement} list @param {HTMLDetailsElement} menu @param {readonly SampleMeta[] | null} samples @param {(file: string) => void} onSample @param {Messages} m
 */
export function renderSamplesMenu(list, menu, samples, onSample, m) {
  clear(list);
  if (!samples || !samples.length) {
    list.appendChild(h("div", { class: "menu-empty muted small" }, m.t(samples ? "menu.noSamples" : "menu.loading")));
    return;
  }
  for (const s of samples) {
    list.appendChild(h("button", { type: "button", class: "menu-item", "data-testid": "sample-item", "data-file": s.file,
      onclick: () => { menu.open = false; onSample(s.file); } },
    h("span", { class: "menu-title" }, s.title || s.file, s.format ? h("span", { class: "fmt" }, formatLabel(s.format, m)) : null),
    s.description ? h("span", { class: "menu-desc" }, s.description) : null));
  }
}
