// @ts-check
// One run joined from several payloads (the core's Workspace): an execution and
// its events, or snapshots of one execution. Its sources, one summary, the
// conflicts the sources have, a polling history when snapshots joined, one
// timeline whose spans say where their start came from, and the events of the
// run (views/run-panel.js); the payload tabs stay open to see each source alone.
import { h, clear } from "../dom.js";
import { fmtBytes } from "../fmt.js";
import { messages } from "../i18n/index.js";
import { renderSummary } from "../render/summary.js";
import { renderError } from "../render/errors.js";
import { renderSources, renderConflicts, renderStartSources, countStartSources } from "../render/join.js";
import { ProgressChart } from "../render/progress.js";
import { renderChanges } from "../render/changes.js";
import { EventList } from "../engine/pack.js";
import { TaskQueue, section } from "./queue.js";
import { RunPanel } from "./run-panel.js";
import { viewOf, docKey } from "../app/state.js";

/** @import { ViewContext, Join, AppState, Doc, WorkspaceSummary, JoinSource } from "../types.js" */

export class JoinView {
  /** @param {ViewContext} ctx @param {Join} join @param {HTMLElement} root */
  constructor(ctx, join, root) {
    this.ctx = ctx;
    this.join = join;
    this.key = join.id;
    this.root = root;
    const m = messages(ctx.store.get().ui);
    /** The interface's words (a new language mounts a new view). */
    this.m = m;
    this.queue = new TaskQueue(ctx.shell, root);
    /** @type {WorkspaceSummary | null} */
    this.ws = null;
    /** @type {ProgressChart | null} */
    this.chart = null;
    this.sourcesHost = h("div");
    this.summaryHost = h("div");
    this.conflictsHost = h("div", { class: "conflicts-host" });
    this.historyHost = h("div", { class: "history-host" });
    const runHost = h("div", { class: "run-host" });
    const eventsHost = h("div", { class: "events-host" });
    this.panel = new RunPanel(ctx, this.key, this.queue, {
      timeline: (run) => ctx.joins.timeline(join.runId, ctx.tlMode, (run.elementCount || 0) + this.eventCount()),
      events: (onProgress) => {
        const ev = this.eventsSource();
        const doc = ev && this.docOf(ev);
        return doc ? ctx.docs.events(doc, onProgress) : Promise.resolve({ value: new EventList() });
      },
      big: join.size > 2e6,
      objectData: () => true,
      eventsAlways: true,
      onTimeline: (tl, head) => {
        const starts = renderStartSources(countStartSources(tl), m);
        if (starts) head.appendChild(starts);
      },
      freeFrames: true,
      graph: () => ctx.joins.graph(join.runId),
      onGraph: () => this.redrawSummary(),
    }, { runHost, eventsHost });
    this.unsubscribe = ctx.store.subscribe((s, prev) => this.onState(s, prev));
    clear(root);
    root.appendChild(h("div", { class: "doc-head" },
      h("span", { class: "join-icon big", "aria-hidden": "true" }, "⋈"),
      h("h1", { class: "doc-name", title: join.name || join.runId }, join.name || join.runId),
      h("span", { class: "fmt big fmt-join", "data-testid": "format" }, m.t("format.joined")),
      h("span", { class: "muted small" }, m.t("joinView.payloads", { n: join.sources.length, size: fmtBytes(join.size, m) })),
      h("span", { class: "spacer" }),
      h("button", { type: "button", class: "btn small", title: m.t("joinView.closeTitle"), onclick: () => ctx.actions.close(join.id) }, m.t("doc.close"))));
    root.append(this.sourcesHost, this.summaryHost, this.conflictsHost, this.historyHost, runHost, eventsHost);
    this.sourcesHost.appendChild(renderSources(join.sources, {
      runId: join.runId, snapshots: join.snapshots, m,
      onOpen: (/** @type {number} */ docId) => { const d = ctx.store.get().docs.find((x) => x.id === docId); if (d) ctx.actions.activate(docKey(d)); },
    }));
    this.queue.later(null, () => this.load());
    this.queue.markLoaded(() => ctx.shell.announce(m.t("status.loaded", { what: join.name || join.runId })));
  }

  async load() {
    const r = await this.ctx.joins.summary(this.join.runId);
    if (this.queue.dead) return;
    if (r.error) { this.summaryHost.appendChild(renderError(r.error, { title: this.m.t("joinView.unreadable"), m: this.m })); return; }
    this.ws = r.value;
    this.renderConflicts();
    if (this.ws.snapshots > 1) await this.buildHistory();
    this.buildRun();
    const ev = this.eventsSource();
    if (ev) this.queue.later(null, () => this.panel.buildEvents(this.m.t("run.eventsFrom", { name: ev.name })));
  }

  /** @param {AppState} s @param {AppState} prev */
  onState(s, prev) {
    if (this.queue.dead) return;
    const v = viewOf(s, this.key), pv = viewOf(prev, this.key);
    if (v.phases !== pv.phases) this.panel.applyPhases(v.phases);
    if (v.show !== pv.show || v.hl !== pv.hl) {
      this.panel.applyView();
      if (v.hl !== pv.hl) this.redrawSummary();
    }
    if (s.lang !== prev.lang) { this.panel.setLang(); this.setMode(); this.panel.redrawLane(); }
    else if (s.tm !== prev.tm) this.setMode();
  }

  /** @param {JoinSource} src @returns {Doc | undefined} */
  docOf(src) {
    return this.ctx.store.get().docs.find((d) => d.id === src.docId);
  }

  /** The event list the core refined the run with (the last one added). */
  eventsSource() {
    const list = this.join.sources.filter((s) => s.role === "events");
    return list.length ? list[list.length - 1] : null;
  }

  /** Events of the joined event lists (for the timeline's weight). */
  eventCount() {
    return this.join.sources.filter((s) => s.role === "events").reduce((a, s) => {
      const d = this.docOf(s);
      const r = d && d.summary && d.summary.runs[0];
      return a + ((r && r.eventCount) || 0);
    }, 0);
  }

  buildRun() {
    if (!this.ws) return;
    const run = this.ws.run;
    this.panel.reset();
    clear(this.summaryHost);
    this.summaryHost.appendChild(this.summaryCard());
    this.panel.show(run);
  }

  summaryCard() {
    const { tm, lang } = this.ctx.store.get();
    return renderSummary({
      label: this.m.t("format.joined"), run: this.ws ? this.ws.run : null, mode: tm, lang, m: this.m,
      onJumpFailure: (ff) => this.panel.jumpToFailure(ff),
      extra: this.panel.graph.rootCauseBlock(),
    });
  }

  /** The summary card again (the graph's root cause arrived, the highlight changed). */
  redrawSummary() {
    if (!this.ws) return;
    clear(this.summaryHost);
    this.summaryHost.appendChild(this.summaryCard());
  }

  renderConflicts() {
    if (!this.ws) return;
    clear(this.conflictsHost);
    const roles = new Set(this.join.sources.map((s) => s.role));
    const el = renderConflicts(this.ws.conflicts, {
      mode: this.ctx.store.get().tm, base: this.panel.base(), both: roles.has("status") && roles.has("events"), m: this.m,
      onSelect: (/** @type {string} */ id) => this.panel.reveal(id),
    });
    if (el) this.conflictsHost.appendChild(el);
  }

  async buildHistory() {
    const ws = this.ws;
    if (!ws) return;
    const ch = await this.ctx.joins.changes(this.join.runId);
    if (this.queue.dead) return;
    const tm = this.ctx.store.get().tm;
    const m = this.m;
    clear(this.historyHost);
    const sec = section("sec-history", m.t("joinView.history"), "history-panel",
      h("span", { class: "muted small" }, m.t("joinView.historyHint", { n: ws.snapshots })));
    const chart = new ProgressChart(m);
    this.chart = chart;
    sec.body.appendChild(h("div", { class: "history" },
      h("div", { class: "history-chart" }, h("div", { class: "sub-title" }, m.t("joinView.progress")), chart.el),
      h("div", { class: "history-changes" }, h("div", { class: "sub-title" }, m.t("joinView.changes")),
        ch.error ? renderError(ch.error, { m }) : renderChanges(ch.value, { m, mode: tm, base: this.panel.base(), onSelect: (/** @type {string} */ el) => this.panel.timeline && this.panel.timeline.select(el, { scroll: true }) }))));
    this.historyHost.appendChild(sec.el);
    chart.setData(ws.progressHistory, { mode: tm, base: this.panel.base() });
  }

  /** The time mode or language changed. */
  setMode() {
    this.redrawSummary();
    this.panel.setMode();
    if (this.ws) this.renderConflicts();
    if (this.chart) this.chart.setMode(this.ctx.store.get().tm, this.panel.base());
  }

  destroy() {
    this.queue.destroy();
    this.unsubscribe();
    this.panel.destroy();
    if (this.chart) this.chart.destroy();
  }
}
