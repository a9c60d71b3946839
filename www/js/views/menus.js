// @ts-check
// A payload's "Compare" and "Export" menus (in its header). Both are
// feature-detected: an older core build without compare or the exports still
// loads the page, without the menu.
import { h, clear, downloadText } from "../dom.js";
import { formatLabel, fmtTime, phaseClass, phaseName } from "../fmt.js";
import { messages } from "../i18n/index.js";

/** @import { ViewContext, Doc, Run, ExportKind, ViewState, MessageKey } from "../types.js" */

/** The exports: kind, the core's function, the keys of its label and description. @type {[ExportKind, string, MessageKey, MessageKey][]} */
const EXPORTS = [
  ["json", "exportJson", "export.json", "export.json.desc"],
  ["csv", "exportCsv", "export.csv", "export.csv.desc"],
  ["trace", "exportTrace", "export.trace", "export.trace.desc"],
];

/** The Export menu: the core's exportJson / exportCsv / exportTrace output, downloaded through a Blob URL. @param {ViewContext} ctx @param {Doc} doc */
export function exportMenu(ctx, doc) {
  const kinds = EXPORTS.filter((k) => ctx.engine.has(k[1]));
  if (!kinds.length || !doc.summary || doc.summary.apiError) return null;
  const m = messages(ctx.store.get().ui);
  const pop = h("div", { class: "menu-pop right" });
  const menu = /** @type {HTMLDetailsElement} */ (h("details", { class: "menu", "data-testid": "export-menu" },
    h("summary", { class: "btn small", title: m.t("export.title") }, m.t("export.menu")), pop));
  for (const [kind, , label, desc] of kinds) {
    pop.appendChild(h("button", { type: "button", class: "menu-item", "data-export": kind, onclick: async () => {
      menu.open = false;
      const r = await ctx.docs.exportDoc(doc, kind);
      if (r.error) { ctx.shell.toast(m.t("export.failed", { detail: r.error.message }), true); return; }
      const base = (doc.name || "payload").replace(/\.json$/i, "").replace(/[^\w.-]+/g, "_");
      downloadText(r.value.text, base + "." + r.value.ext, r.value.type);
    } }, h("span", { class: "menu-title" }, m.t(label)), h("span", { class: "menu-desc" }, m.t(desc))));
  }
  return menu;
}

/**
 * The Compare menu: this run (B) against another open payload, or another run of
 * the same workflow history (A). A pick sets the tab's ViewState.cmp.
 * @param {ViewContext} ctx @param {Doc} me @param {() => Run | null} current the run shown
 * @param {(cmp: NonNullable<ViewState["cmp"]>) => void} onPick
 */
export function compareMenu(ctx, me, current, onPick) {
  if (!ctx.engine.has("compare") || !me.summary || !me.summary.runs.length || me.summary.apiError) return null;
  const m = messages(ctx.store.get().ui);
  const pop = h("div", { class: "menu-pop right" });
  const menu = /** @type {HTMLDetailsElement} */ (h("details", { class: "menu", "data-testid": "compare-menu" },
    h("summary", { class: "btn small", title: m.t("compare.menuTitle") }, m.t("compare.menu")), pop));
  menu.addEventListener("toggle", () => {
    if (!menu.open) return;
    clear(pop);
    const tm = ctx.store.get().tm;
    const run = current();
    /** @type {{doc: Doc, run: string, title: string, phase: string, sub: string}[]} */
    const items = [];
    for (const d of ctx.store.get().docs) {
      if (d.error || !d.summary || !d.summary.runs.length || d.summary.apiError) continue;
      if (d.summary.kind === "workflow-executions") {
        // The core lists a history's runs newest first: the 30 newest.
        for (const r of d.summary.runs.slice(0, 30)) {
          if (d === me && run && r.id === run.id) continue;
          items.push({ doc: d, run: r.id, title: d === me ? m.t("compare.thisRun", { id: r.id }) : m.t("compare.otherRun", { name: d.name, id: r.id }), phase: r.phase, sub: r.startedAt == null ? "" : fmtTime(r.startedAt, tm, r.startedAt, m) });
        }
      } else if (d !== me) {
        const r = d.summary.runs[0];
        items.push({ doc: d, run: "", title: d.name, phase: r.phase, sub: formatLabel(d.summary.kind, m) });
      }
    }
    if (!items.length) {
      pop.appendChild(h("div", { class: "menu-empty muted small" }, m.t("compare.none")));
      return;
    }
    pop.appendChild(h("div", { class: "menu-empty muted small" }, m.t("compare.pick")));
    for (const it of items) {
      pop.appendChild(h("button", { type: "button", class: "menu-item", "data-testid": "compare-item", onclick: () => {
        menu.open = false;
        onPick({ docId: it.doc.id, run: it.run });
      } }, h("span", { class: "menu-title" }, h("span", { class: ["dot", phaseClass(it.phase)], title: phaseName(it.phase, m) }), it.title), h("span", { class: "menu-desc" }, it.sub)));
    }
  });
  return menu;
}
