// @ts-check
// The view of one payload: its header (format, size, Compare, Export, Close), the
// error or warnings, the summary card (a workflow history's runs to pick from),
// a comparison, the run's timeline / objectData / events (views/run-panel.js),
// and the raw payload. It reads its tab's ViewState from the store and redraws
// what a change of it (or of the time mode and language) affects.
import { h, clear, scrollToEl } from "../dom.js";
import { formatLabel, fmtBytes } from "../fmt.js";
import { messages } from "../i18n/index.js";
import { renderSummary } from "../render/summary.js";
import { renderError, renderWarnings } from "../render/errors.js";
import { renderComparison } from "../render/compare.js";
import { docKey, viewOf, setView, selectedRun } from "../app/state.js";
import { TaskQueue } from "./queue.js";
import { RunPanel } from "./run-panel.js";
import { compareMenu, exportMenu } from "./menus.js";
import { RawPanel } from "./raw-panel.js";

/** @import { ViewContext, Doc, AppState, Run } from "../types.js" */

export class DocView {
  /** @param {ViewContext} ctx @param {Doc} doc @param {HTMLElement} root */
  constructor(ctx, doc, root) {
    this.ctx = ctx;
    this.doc = doc;
    this.key = docKey(doc);
    this.root = root;
    /** The interface's words (a new language mounts a new view). */
    this.m = messages(ctx.store.get().ui);
    this.queue = new TaskQueue(ctx.shell, root);
    /** @type {Run | null} */
    this.run = null;
    /** @type {RunPanel | null} */
    this.panel = null;
    /** @type {HTMLElement | null} */
    this.summaryHost = null;
    /** @type {HTMLElement | null} */
    this.compareHost = null;
    /** @type {RawPanel | null} */
    this.raw = null;
    this.unsubscribe = ctx.store.subscribe((s, prev) => this.onState(s, prev));
    this.build();
  }

  get view() { return viewOf(this.ctx.store.get(), this.key); }
  get big() { return this.doc.size > 2e6; }

  /** @param {AppState} s @param {AppState} prev */
  onState(s, prev) {
    if (this.queue.dead) return;
    const v = viewOf(s, this.key), pv = viewOf(prev, this.key);
    const runChanged = v.run !== pv.run && !!this.doc.summary && selectedRun(this.doc, v) !== this.run;
    if (runChanged) { this.buildRun(); this.queue.markLoaded(); }
    if (v.cmp !== pv.cmp && (!runChanged || !v.cmp)) this.buildCompare();
    if (v.phases !== pv.phases && this.panel) this.panel.applyPhases(v.phases);
    if ((v.show !== pv.show || v.hl !== pv.hl) && this.panel && !runChanged) {
      this.panel.applyView();
      if (v.hl !== pv.hl) this.redrawSummary();
    }
    if (s.lang !== prev.lang) {
      if (this.panel) this.panel.setLang();
      this.setMode();
      if (this.panel) this.panel.redrawLane();
    } else if (s.tm !== prev.tm) this.setMode();
  }

  build() {
    const doc = this.doc;
    const root = this.root;
    clear(root);
    const m = this.m;
    const fmt = doc.format ? formatLabel(doc.format, m) : m.t("doc.notReadable");
    root.appendChild(h("div", { class: "doc-head" },
      h("h1", { class: "doc-name", title: doc.name }, doc.name),
      h("span", { class: ["fmt", "big", doc.error ? "fmt-bad" : ""], "data-testid": "format" }, fmt),
      h("span", { class: "muted small" }, fmtBytes(doc.size, m)),
      h("span", { class: "muted small" }, m.t(doc.source.startsWith("sample:") ? "doc.sample" : doc.source === "paste" ? "doc.pasted" : "doc.file")),
      h("span", { class: "spacer" }),
      doc.error ? null : compareMenu(this.ctx, doc, () => this.run, (cmp) => this.compareWith(cmp)),
      doc.error ? null : exportMenu(this.ctx, doc),
      h("button", { type: "button", class: "btn small", title: m.t("doc.closeTitle"), onclick: () => this.ctx.actions.close(this.key) }, m.t("doc.close"))));

    const s = doc.summary;
    if (doc.error || !s) {
      if (doc.error) root.appendChild(renderError(doc.error, { m }));
      if (doc.error && doc.error.code !== "invalid_json" && doc.error.code !== "too_large") this.buildRaw();
      this.queue.markLoaded(() => this.ctx.shell.announce(doc.error ? this.m.t("status.failed", { what: doc.name, code: doc.error.code }) : this.m.t("status.loaded", { what: doc.name })));
      return;
    }
    if (s.warnings.length) root.appendChild(renderWarnings(s.warnings, { m, onReveal: (/** @type {string} */ p) => this.raw && this.raw.reveal(p) }));
    this.summaryHost = h("div");
    this.compareHost = h("div", { class: "compare-host" });
    const runHost = h("div", { class: "run-host" });
    const eventsHost = h("div", { class: "events-host" });
    root.append(this.summaryHost, this.compareHost, runHost, eventsHost);
    const kind = s.kind;
    this.panel = new RunPanel(this.ctx, this.key, this.queue, {
      timeline: (run) => this.ctx.docs.timeline(doc, kind === "workflow-executions" ? run.id : undefined, this.ctx.tlMode),
      events: (onProgress) => this.ctx.docs.events(doc, onProgress),
      big: this.big,
      objectData: (run) => run.objectData != null || run.changedObjectData != null || kind === "aos-execution" || kind === "gcs-execution",
      eventsAlways: kind === "execution-events",
      graph: (run) => this.ctx.docs.graph(doc, kind === "workflow-executions" ? run.id : undefined),
      onGraph: () => this.redrawSummary(),
    }, { runHost, eventsHost });
    this.buildRun();
    const panel = this.panel;
    if (kind === "execution-events") this.queue.later(this.big ? m.t("doc.readingEvents") : null, () => panel.buildEvents());
    this.buildRaw();
    this.queue.markLoaded(() => this.ctx.shell.announce(this.m.t("status.loaded", { what: doc.name })));
  }

  /** Everything that depends on the selected run. */
  buildRun() {
    const doc = this.doc;
    const s = doc.summary;
    if (!s || !this.panel || !this.summaryHost) return;
    this.run = selectedRun(doc, this.view);
    this.panel.reset();
    clear(this.summaryHost);
    this.summaryHost.appendChild(this.summaryCard());
    if (!this.run || s.apiError) return;
    if (this.view.cmp) this.queue.later(this.big ? this.m.t("doc.comparing") : null, () => this.buildCompare());
    this.panel.show(this.run);
  }

  summaryCard() {
    const s = /** @type {NonNullable<Doc["summary"]>} */ (this.doc.summary);
    const { tm, lang } = this.ctx.store.get();
    return renderSummary({
      label: formatLabel(s.kind, this.m), run: this.run, apiError: s.apiError, eventCount: s.kind === "execution-events",
      runs: s.kind === "workflow-executions" ? s.runs : null, newestId: s.newestRun,
      mode: tm, lang, m: this.m,
      onPickRun: (id) => this.pickRun(id),
      onJumpFailure: (ff) => { if (this.panel) this.panel.jumpToFailure(ff); },
      extra: this.panel && this.run ? this.panel.graph.rootCauseBlock() : null,
    });
  }

  /** The summary card again (the graph's root cause arrived, the highlight changed). */
  redrawSummary() {
    if (!this.summaryHost || !this.doc.summary) return;
    clear(this.summaryHost);
    this.summaryHost.appendChild(this.summaryCard());
  }

  /** A workflow history's run was picked in the runs table. @param {string} id */
  pickRun(id) {
    if (this.run && id === this.run.id) return;
    const cmp = this.view.cmp;
    setView(this.ctx.store, this.key, { run: id, lane: "", z: null, cmp: cmp && cmp.docId === this.doc.id && cmp.run === id ? null : cmp });
  }

  /** The run id to pass to the core for this doc (workflow histories only). */
  runArg() {
    return this.doc.summary && this.doc.summary.kind === "workflow-executions" && this.run ? this.run.id : undefined;
  }

  /** @param {{docId: number, run: string}} cmp */
  compareWith(cmp) {
    setView(this.ctx.store, this.key, { cmp });
    const sec = document.getElementById("sec-compare");
    if (sec) scrollToEl(sec);
  }

  async buildCompare() {
    const host = this.compareHost;
    if (!host) return;
    const c = this.view.cmp;
    if (!c) { clear(host); return; }
    const other = this.ctx.store.get().docs.find((d) => d.id === c.docId);
    if (!other) { clear(host); setView(this.ctx.store, this.key, { cmp: null }); return; }
    const res = await this.ctx.docs.compare(other, c.run || undefined, this.doc, this.runArg());
    if (this.queue.dead || this.view.cmp !== c) return;
    clear(host);
    const m = this.m;
    if (res.error) { host.appendChild(renderError(res.error, { title: m.t("doc.cannotCompare"), m })); return; }
    /** @param {Doc} d @param {string | undefined} runId @param {Run} run */
    const name = (d, runId, run) => (d === this.doc ? runId || run.name || run.id : m.t("doc.otherRun", { name: d.name, run: runId || run.name || run.id }));
    host.appendChild(renderComparison(res.value, {
      m,
      labelA: name(other, c.run, res.value.a),
      labelB: name(this.doc, this.runArg(), res.value.b),
      onClose: () => setView(this.ctx.store, this.key, { cmp: null }),
      onSelect: (/** @type {string} */ id) => this.panel && this.panel.reveal(id),
    }));
  }

  /** The raw payload, read and drawn when first opened. */
  buildRaw() {
    this.raw = new RawPanel(this.ctx, this.doc, () => this.queue.dead);
    this.root.appendChild(this.raw.el);
  }

  /** The time mode or language changed: the summary card and the run's sections. */
  setMode() {
    this.redrawSummary();
    if (this.panel) this.panel.setMode();
  }

  destroy() {
    this.queue.destroy();
    this.unsubscribe();
    if (this.panel) this.panel.destroy();
  }
}
