// @ts-check
// The welcome screen (no tab open) and the header's Samples menu: both list the
// samples of the store (null while the list loads).
import { h, clear } from "../dom.js";
import { FORMAT_LABELS } from "../fmt.js";

/** @import { SampleMeta } from "../types.js" */

/**
 * @typedef {object} WelcomeActions
 * @property {() => void} openFiles
 * @property {() => void} paste
 * @property {(file: string) => void} sample
 */

/**
 * @param {HTMLElement} main @param {readonly SampleMeta[] | null} samples
 * @param {{replayHref: string} & WelcomeActions} o
 */
export function renderWelcome(main, samples, o) {
  const cards = h("div", { class: "sample-cards" });
  if (!samples || !samples.length) {
    cards.appendChild(h("p", { class: "muted small" }, samples ? "No samples in this build." : "Loading samples…"));
  } else {
    for (const s of samples) {
      cards.appendChild(h("button", { type: "button", class: "sample-card", "data-testid": "sample-card", "data-file": s.file, onclick: () => o.sample(s.file) },
        h("span", { class: "sample-title" }, s.title || s.file),
        s.format ? h("span", { class: "fmt" }, FORMAT_LABELS[s.format] || s.format) : null,
        s.description ? h("span", { class: "sample-desc" }, s.description) : null));
    }
  }
  main.appendChild(h("div", { class: "welcome", "data-testid": "welcome" },
    h("div", { class: "welcome-drop" },
      h("div", { class: "welcome-icon", "aria-hidden": "true" }, h("span"), h("span"), h("span")),
      h("h1", null, "See an orchestration run"),
      h("p", { class: "lead" }, "Open the JSON a Huawei Cloud orchestration API returned — an AOS stack execution, a GCS execution, execution events, an AOM/COC workflow execution history or an API error body — and see the run: its phases, timeline, events and data."),
      h("div", { class: "welcome-actions" },
        h("button", { type: "button", class: "btn primary", onclick: o.openFiles }, "Open files…"),
        h("button", { type: "button", class: "btn", onclick: o.paste }, "Paste JSON"),
        h("span", { class: "muted" }, "or drop files anywhere on this page")),
      h("p", { class: "muted small privacy" }, "Everything is read in this page by a WebAssembly core. Nothing is uploaded; no request leaves the page.")),
    h("div", { class: "welcome-samples" }, h("h2", null, "Samples"), cards,
      h("p", { class: "muted small replay-hint" }, "Open an execution together with its events (or several snapshots of one execution) and they are joined into one run. ",
        h("a", { class: "linkbtn", href: o.replayHref, "data-testid": "welcome-replay" }, "Replay a recorded polling series →")))));
}

/**
 * The header's Samples menu.
 * @param {HTMLElement} list @param {HTMLDetailsElement} menu @param {readonly SampleMeta[] | null} samples @param {(file: string) => void} onSample
 */
export function renderSamplesMenu(list, menu, samples, onSample) {
  clear(list);
  if (!samples || !samples.length) {
    list.appendChild(h("div", { class: "menu-empty muted small" }, samples ? "No samples available." : "Loading…"));
    return;
  }
  for (const s of samples) {
    list.appendChild(h("button", { type: "button", role: "menuitem", class: "menu-item", "data-testid": "sample-item", "data-file": s.file,
      onclick: () => { menu.open = false; onSample(s.file); } },
    h("span", { class: "menu-title" }, s.title || s.file, s.format ? h("span", { class: "fmt" }, FORMAT_LABELS[s.format] || s.format) : null),
    s.description ? h("span", { class: "menu-desc" }, s.description) : null));
  }
}
