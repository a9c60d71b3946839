// @ts-check
// The run panel's dependency graph: the graph the engine laid out for the run,
// the switch between the timeline, the graph and both, the graph view (made when
// first shown), the highlight both views share (the root cause and what it took
// down, or the critical path), the critical path's steps, and what the summary
// and the details panel say from the graph. It reads and changes its tab's
// ViewState (show, hl) through the store; the run panel owns the selection.
import { h, clear } from "../dom.js";
import { bilingual } from "../fmt.js";
import { GraphView } from "../render/graph.js";
import { pathSteps } from "../render/graph-model.js";
import { renderRootCause, renderCriticalPath, renderNodeDetails, rootCauseLink } from "../render/graph-notes.js";
import { GRAPH_TEXT as T } from "../render/graph-text.js";
import { renderError } from "../render/errors.js";
import { viewOf, setView, RUN_SHOWS } from "../app/state.js";
import { messages } from "../i18n/index.js";

/** @import { ViewContext, Run, Graph, PageError, Result, Timeline, RunShow } from "../types.js" */
/** @import { TimelineView } from "../render/timeline-view.js" */

/** Above this many elements the graph is asked for only once it is shown (it is not needed for the summary's root cause until then). */
const EAGER_LIMIT = 20000;

/** @type {Record<RunShow, [string, string]>} */
const SHOW_LABELS = { timeline: [T.showTimeline, T.showTimelineTitle], graph: [T.showGraph, T.showGraphTitle], both: [T.showBoth, T.showBothTitle] };

/**
 * @typedef {object} GraphPartHooks
 * @property {(run: Run) => Promise<Result<Graph>>} [graph]   where the run's graph comes from
 * @property {() => void} [onGraph]                          the graph arrived (the summary shows its root cause)
 * @property {(id: string) => void} select                   select an element everywhere
 * @property {() => TimelineView | null} timeline
 * @property {() => Timeline | null} tl                      the timeline's objects (no lanes when drawn from frames)
 */

export class GraphPart {
  /** @param {ViewContext} ctx @param {string} key @param {GraphPartHooks} hooks */
  constructor(ctx, key, hooks) {
    this.ctx = ctx;
    this.key = key;
    this.hooks = hooks;
    /** The interface's words (a new language mounts a new view, and with it a new part). */
    this.m = messages(ctx.store.get().ui);
    /** @type {Run | null} */
    this.run = null;
    /** @type {Graph | null} */
    this.data = null;
    /** @type {PageError | null} */
    this.error = null;
    /** @type {Promise<void> | null} */
    this.loading = null;
    /** @type {GraphView | null} */
    this.view = null;
    /** Per element: the root cause that took it down (the first that lists it). @type {Map<string, string>} */
    this.takenDownBy = new Map();
    this.seg = h("div", { class: "seg small", role: "radiogroup", "aria-label": T.showLabel, "data-testid": "run-show" });
    this.critBtn = h("button", { type: "button", class: "btn small", title: T.criticalPathTitle, "data-testid": "critical-toggle", hidden: true,
      onclick: () => setView(ctx.store, key, { hl: this.v.hl === "path" ? "" : "path" }) }, T.criticalPath);
    this.head = h("span", { class: "run-show" }, this.seg, this.critBtn);
    this.host = h("div", { class: "graph-host", hidden: true });
    this.critHost = h("div", { class: "crit-host" });
    /** The section's title (it says what is shown). @type {HTMLElement | null} */
    this.title = null;
    this.renderSwitch();
  }

  get v() { return viewOf(this.ctx.store.get(), this.key); }

  /** Forget the run's graph (another run is shown). */
  reset() {
    this.run = null;
    this.data = null;
    this.error = null;
    this.loading = null;
    this.takenDownBy.clear();
    if (this.view) { this.view.destroy(); this.view = null; }
    clear(this.host);
    clear(this.critHost);
    this.critBtn.hidden = true;
  }

  /** Ask for the run's graph (unless it is large and not shown). @param {Run} run */
  load(run) {
    this.run = run;
    if ((run.elementCount || 0) > EAGER_LIMIT && this.v.show === "timeline") return Promise.resolve();
    return this.fetch();
  }

  fetch() {
    const run = this.run;
    const get = this.hooks.graph;
    if (!run || !get) return Promise.resolve();
    if (!this.loading) {
      this.loading = get(run).then((r) => {
        if (this.run !== run) return;
        if (r.error) this.error = r.error;
        else {
          this.data = r.value;
          for (const rc of r.value.rootCauses) for (const id of rc.affected) if (!this.takenDownBy.has(id)) this.takenDownBy.set(id, rc.element);
        }
        this.apply();
        if (this.hooks.onGraph) this.hooks.onGraph();
      });
    }
    return this.loading;
  }

  renderSwitch() {
    const cur = this.v.show;
    clear(this.seg);
    for (const s of RUN_SHOWS) {
      this.seg.appendChild(h("button", { type: "button", role: "radio", "aria-checked": String(cur === s), class: cur === s ? "on" : "", "data-show": s,
        title: SHOW_LABELS[s][1], onclick: () => setView(this.ctx.store, this.key, { show: s }) }, SHOW_LABELS[s][0]));
    }
  }

  /** Draw what the tab's ViewState says: which views, the highlight, the critical path's steps. */
  apply() {
    const v = this.v;
    this.renderSwitch();
    const tl = this.hooks.timeline();
    const showGraph = v.show !== "timeline";
    if (tl) tl.el.hidden = v.show === "graph";
    if (this.title) this.title.textContent = v.show === "graph" ? T.sectionGraph : v.show === "both" ? T.sectionBoth : T.showTimeline;
    this.host.hidden = !showGraph;
    if (showGraph && !this.data && !this.error) { this.fetch(); }
    if (showGraph && this.error && !this.host.childNodes.length) this.host.appendChild(renderError(this.error, { title: T.graphLabel, m: this.m }));
    if (showGraph && this.data && !this.view) {
      this.view = new GraphView({ onSelect: (id) => this.hooks.select(id) });
      this.host.appendChild(this.view.el);
      this.view.setData(this.data, { selected: v.lane, highlight: this.highlightIds() });
    }
    const ids = this.highlightIds();
    if (this.view) this.view.setHighlight(ids);
    if (tl && typeof tl.setHighlight === "function") tl.setHighlight(ids);
    this.critBtn.hidden = !this.data || !this.data.criticalPath.length;
    this.critBtn.setAttribute("aria-pressed", String(v.hl === "path"));
    this.critBtn.classList.toggle("on", v.hl === "path");
    clear(this.critHost);
    if (v.hl === "path" && this.data) {
      const t = this.hooks.tl();
      const steps = t && t.lanes.length ? pathSteps(this.data.criticalPath, t.lanes, t.end) : null;
      this.critHost.appendChild(renderCriticalPath(this.data, steps, { onSelect: (id) => this.hooks.select(id) }));
    }
  }

  /** What the highlight lights, by id; null: nothing highlighted. @returns {Set<string> | null} */
  highlightIds() {
    const g = this.data;
    const hl = this.v.hl;
    if (!g || !hl) return null;
    if (hl === "path") return g.criticalPath.length ? new Set(g.criticalPath) : null;
    if (!g.edges.length || !g.rootCauses.length) return null;
    /** @type {Set<string>} */
    const out = new Set();
    for (const rc of g.rootCauses) { out.add(rc.element); for (const id of rc.affected) out.add(id); }
    return out;
  }

  /** The element selected everywhere (or none). @param {string | null} id */
  select(id) {
    if (this.view) this.view.select(id, { center: true });
  }

  /** The summary's root cause, in words (null before the graph came, or without one). */
  rootCauseBlock() {
    const g = this.data;
    if (!g) return null;
    const lang = this.ctx.store.get().lang;
    const t = this.hooks.tl();
    const ff = this.run && this.run.firstFailure;
    return renderRootCause(g, {
      reasonOf: (id) => {
        const lane = t ? t.lanes.find((l) => l.id === id) : null;
        if (lane && lane.reason) return bilingual(lane.reasonBi, lang) || lane.reason;
        return ff && ff.element === id && ff.reason ? bilingual(ff.reasonBi, lang) || ff.reason : null;
      },
      on: this.v.hl === "root",
      onToggle: () => {
        const v = this.v;
        setView(this.ctx.store, this.key, v.hl === "root" ? { hl: "" } : { hl: "root", show: v.show === "timeline" ? "both" : v.show });
      },
      onSelect: (id) => this.hooks.select(id),
    });
  }

  /** The details panel's link to the root cause that took `id` down, or null. @param {string} id */
  rootCauseLink(id) {
    const rc = this.takenDownBy.get(id);
    return rc != null ? rootCauseLink(rc, () => this.hooks.select(rc)) : null;
  }

  /** The details of a graph node without a lane (a template element the run does not report), or null. @param {string} id @param {() => void} onClose */
  nodeDetails(id, onClose) {
    const m = this.view && this.view.model;
    const i = m ? m.index.get(id) : undefined;
    if (!m || i == null) return null;
    return renderNodeDetails(m.nodes[i], m.deps[i].map((j) => m.nodes[j].id), m.dependents[i].map((j) => m.nodes[j].id), onClose);
  }

  refreshTheme() { if (this.view) this.view.refreshTheme(); }

  destroy() { if (this.view) this.view.destroy(); }
}
