// @ts-check
// What a payload's view and a joined run's view both show of their run: the
// timeline (phase chips, lane filter, the details panel of a lane) and the
// dependency graph beside it (views/graph-part.js: one selection for both), the
// decoded objectData, and the events table. The view that owns it says where its
// timeline and events come from (a doc in data/docs.js, or the workspace in
// app/joins.js); the panel reads and changes its tab's ViewState in the store.
import { h, clear, scrollToEl } from "../dom.js";
import { fmtNum } from "../fmt.js";
import { renderPhaseChips } from "../render/phases.js";
import { TimelineView } from "../render/timeline-view.js";
import { ObjectLanes } from "../render/lanes-objects.js";
import { FrameLanes } from "../render/lanes-frames.js";
import { renderDetails } from "../render/details.js";
import { EventsView } from "../render/events.js";
import { renderObjectData } from "../render/objectdata.js";
import { renderError } from "../render/errors.js";
import { section } from "./queue.js";
import { viewOf, setView } from "../app/state.js";
import { messages } from "../i18n/index.js";
import { GraphPart } from "./graph-part.js";

/** @import { ViewContext, Run, Lane, FirstFailure, Phase, Timeline, Result, Lang, EventSort, LaneSource, Graph } from "../types.js" */
/** @import { TimelineData } from "../data/remote.js" */
/** @import { EventList } from "../engine/pack.js" */
/** @import { EventsResult } from "../data/docs.js" */
/** @import { TaskQueue } from "./queue.js" */

/**
 * Where a panel's run comes from.
 * @typedef {object} RunSource
 * @property {(run: Run) => Promise<Result<TimelineData>>} timeline
 * @property {(onProgress: ((done: number, total: number) => void) | null) => Promise<EventsResult>} events
 * @property {boolean} big           a large payload: busy notes while it is drawn
 * @property {(run: Run) => boolean} objectData  whether to show the objectData section
 * @property {boolean} eventsAlways  show the events table even when it has no event
 * @property {(tl: Timeline, head: HTMLElement) => void} [onTimeline]  fills the line above the timeline
 * @property {boolean} [freeFrames]  the frames view belongs to this panel (free it on destroy)
 * @property {(run: Run) => Promise<Result<Graph>>} [graph]  the run's dependency graph (laid out in the engine)
 * @property {() => void} [onGraph]  the graph arrived: the owner redraws its summary (the root cause)
 */

/**
 * The one place the page picks where the timeline's lanes come from: objects in the page, or
 * frames from the core's TimelineView kept in the engine. The view draws either the same way.
 * @param {TimelineData} data @returns {LaneSource}
 */
function laneSource(data) {
  return data.kind === "frames" ? new FrameLanes(data.view) : new ObjectLanes(data.value);
}

export class RunPanel {
  /**
   * @param {ViewContext} ctx @param {string} key the tab's key
   * @param {TaskQueue} queue @param {RunSource} source
   * @param {{runHost: HTMLElement, eventsHost: HTMLElement}} hosts
   */
  constructor(ctx, key, queue, source, hosts) {
    this.ctx = ctx;
    this.key = key;
    this.queue = queue;
    this.source = source;
    this.hosts = hosts;
    /** The interface's words (a new language mounts a new view, and with it a new panel). */
    this.m = messages(ctx.store.get().ui);
    /** The phase chips (in the timeline's head) and the details panel (beside it). */
    this.chipsHost = h("div", { class: "chips-host" });
    this.detailsHost = h("div", { class: "tl-side", hidden: true });
    /** @type {Run | null} */
    this.run = null;
    /** The timeline the engine gave (objects, or a view drawn from frames). @type {TimelineData | null} */
    this.data = null;
    /** @type {TimelineView | null} */
    this.timeline = null;
    /** @type {EventsView | null} */
    this.events = null;
    /** @type {EventList | null} */
    this.eventList = null;
    this.graph = new GraphPart(ctx, key, {
      graph: source.graph, onGraph: source.onGraph,
      select: (id) => { this.selectElement(id); },
      timeline: () => this.timeline,
      tl: () => this.tl,
    });
  }

  /** The timeline's objects (frames: its range only, no lanes). @returns {Timeline | null} */
  get tl() {
    const d = this.data;
    if (!d) return null;
    return d.kind === "frames" ? { start: d.view.start, end: d.view.end, lanes: [] } : d.value;
  }

  get view() { return viewOf(this.ctx.store.get(), this.key); }
  get dead() { return this.queue.dead; }

  /** The time "relative" counts from: the run's start, else the timeline's. */
  base() {
    const run = this.run;
    return (run && run.startedAt) ?? (this.tl && this.tl.start) ?? null;
  }

  /** Forget the run shown (its sections go). */
  reset() {
    this.run = null;
    if (this.source.freeFrames && this.data && this.data.kind === "frames") this.data.view.free();
    this.data = null;
    clear(this.hosts.runHost);
    if (this.timeline) { this.timeline.destroy(); this.timeline = null; }
    this.graph.reset();
  }

  /** Draw `run`: its timeline, then its objectData (queued after the first paint). @param {Run} run */
  show(run) {
    this.run = run;
    this.queue.later(this.source.big ? this.m.t("run.building") : null, async () => {
      if (this.run !== run) return;
      const t = await this.source.timeline(run);
      if (this.dead || this.run !== run) return;
      if (t.error) this.hosts.runHost.prepend(renderError(t.error, { title: this.m.t("run.cannotDraw"), m: this.m }));
      else {
        this.data = t.value;
        await this.buildTimeline(t.value);
      }
      await this.graph.load(run);
      if (this.source.objectData(run)) await this.buildObjectData();
      if (this.events) this.events.setMode(this.ctx.store.get().tm, this.base());
    });
  }

  /** @param {TimelineData} data */
  async buildTimeline(data) {
    const v = this.view;
    const { tm, lang } = this.ctx.store.get();
    const frames = data.kind === "frames";
    const m = this.m;
    const sec = section("sec-timeline", m.t("run.timeline"), "timeline-panel", this.chipsHost,
      frames ? h("span", { class: "pill", "data-testid": "timeline-frames", title: m.t("run.framesTitle") }, m.t("run.frames")) : null,
      this.graph.head);
    const runHost = this.hosts.runHost;
    runHost.querySelectorAll("#sec-timeline").forEach((x) => x.remove());
    this.renderChips();
    const timeline = new TimelineView({
      onSelect: (/** @type {Lane | null} */ lane) => this.onLane(lane),
      onViewChange: (/** @type {[number, number] | null} */ z) => setView(this.ctx.store, this.key, { z }),
      onFilterText: (/** @type {string} */ t) => setView(this.ctx.store, this.key, { laneText: t }),
      m,
    });
    this.timeline = timeline;
    clear(this.detailsHost);
    this.detailsHost.hidden = true;
    const head = h("div", { class: "tl-head" });
    sec.body.appendChild(head);
    sec.body.appendChild(this.graph.critHost);
    sec.body.appendChild(h("div", { class: "tl-layout" }, h("div", { class: "tl-main" }, this.graph.host, timeline.el), this.detailsHost));
    this.graph.title = sec.head.querySelector("h3");
    this.graph.apply();
    runHost.prepend(sec.el);
    timeline.lang = lang;
    const o = { mode: tm, base: this.base(), phases: v.phases, text: v.laneText, view: v.z, lane: null };
    timeline.setSource(laneSource(data), o);
    if (v.lane && await timeline.select(v.lane, { scroll: true, notify: false })) this.onLane(timeline.selectedLane(), true);
    const tl = this.tl;
    if (tl && tl.lanes.length && this.source.onTimeline) this.source.onTimeline(tl, head);
  }

  renderChips() {
    if (!this.run) return;
    clear(this.chipsHost);
    this.chipsHost.appendChild(renderPhaseChips(this.run.phases, this.view.phases, (/** @type {Set<Phase>} */ set) => setView(this.ctx.store, this.key, { phases: set }), this.m));
  }

  /** The tab's phase filter changed (chips, the E key, the hash). @param {ReadonlySet<Phase>} set */
  applyPhases(set) {
    this.renderChips();
    if (this.timeline) this.timeline.setPhaseFilter(set);
    if (this.events) this.events.setPhaseFilter(set);
  }

  /**
   * A lane was selected (or none): the details panel, the events' selection.
   * Opening or closing the details narrows or widens the timeline, and its
   * toolbar may wrap: the lanes stay where they were on screen (the lane just
   * clicked stays under the pointer) unless `quiet` (a redraw, not a click).
   * @param {Lane | null} lane @param {boolean} [quiet]
   */
  onLane(lane, quiet) {
    const tl = this.timeline;
    const canvasTop = () => (tl ? tl.canvas.getBoundingClientRect().top : 0);
    const anchor = canvasTop();
    const id = lane ? lane.id : "";
    if (this.view.lane !== id) setView(this.ctx.store, this.key, { lane: id });
    if (this.events) this.events.setSelected(lane ? lane.id : null);
    this.graph.select(lane ? lane.id : null);
    const host = this.detailsHost;
    if (!tl) return;
    // The details close (their button, Escape) with the focus in them: it goes back to the timeline.
    if (!lane && host.contains(document.activeElement)) tl.canvas.focus({ preventScroll: true });
    clear(host);
    host.hidden = !lane;
    if (host.parentElement) host.parentElement.classList.toggle("with-side", !!lane);
    if (lane && tl) {
      const { tm, lang } = this.ctx.store.get();
      const evs = this.eventList ? this.eventList.ofElement(lane.id) : null;
      host.appendChild(renderDetails(lane, {
        mode: tm, base: this.base(), openEnd: tl.openEnd, events: evs, lang, m: this.m,
        onClose: () => tl.select(null),
        onShowEvents: (/** @type {string} */ el) => {
          if (this.events) this.events.showElement(el);
          scrollTo("sec-events");
        },
        rootCause: this.graph.rootCauseLink(lane.id),
      }));
    }
    if (tl) {
      tl.layout();
      const moved = canvasTop() - anchor;
      if (!quiet && Math.abs(moved) >= 1) window.scrollBy(0, moved);
    }
  }

  /**
   * Select an element everywhere (a box of the graph, a root cause, a step of the
   * critical path): its lane, or, for a template element the run does not report,
   * its box and its details.
   * @param {string} id
   */
  async selectElement(id) {
    const tl = this.timeline;
    if (tl && await tl.hasLane(id)) { await tl.select(id, { scroll: true }); return; }
    if (tl && tl.selectedLane()) await tl.select(null);
    const host = this.detailsHost;
    const close = () => { clear(host); host.hidden = true; if (host.parentElement) host.parentElement.classList.remove("with-side"); this.graph.select(null); setView(this.ctx.store, this.key, { lane: "" }); };
    const el = this.graph.nodeDetails(id, close);
    if (!el) return;
    setView(this.ctx.store, this.key, { lane: id });
    this.graph.select(id);
    clear(host);
    host.appendChild(el);
    host.hidden = false;
    if (host.parentElement) host.parentElement.classList.add("with-side");
    if (tl) tl.layout();
  }

  /** The tab's show / highlight changed (the switch, the buttons, the hash). */
  applyView() {
    this.graph.apply();
  }

  refreshTheme() {
    if (this.timeline) this.timeline.refreshTheme();
    this.graph.refreshTheme();
  }

  /** Select a lane and bring the timeline into view (a conflict, a change, a compared element). @param {string} id */
  async reveal(id) {
    if (this.timeline && await this.timeline.select(id, { scroll: true })) scrollTo("sec-timeline");
  }

  /** Show the first failure in the timeline (the E key, the summary's button). @param {FirstFailure} ff */
  async jumpToFailure(ff) {
    const tl = this.timeline;
    if (!tl) { this.queue.later(null, () => this.timeline && this.jumpToFailure(ff)); return; }
    let id = ff.element;
    const objects = this.tl;
    if (!(await tl.hasLane(id)) && objects) {
      const byLabel = objects.lanes.find((l) => l.label === ff.element);
      if (byLabel) id = byLabel.id;
    }
    if (!(await tl.isVisible(id))) {
      if (this.view.phases.size) setView(this.ctx.store, this.key, { phases: new Set() });
      if (tl.text) { tl.setTextFilter(""); setView(this.ctx.store, this.key, { laneText: "" }); }
    }
    const ok = await tl.select(id, { scroll: true, at: ff.at });
    scrollTo("sec-timeline");
    if (!ok) this.ctx.shell.toast(this.m.t("run.noLane", { el: ff.element }), true);
    else tl.canvas.focus({ preventScroll: true });
  }

  /** The events table (queued by the owner). @param {string} [title] */
  async buildEvents(title) {
    const note = this.queue.note; // (the task this runs in, when it shows one)
    const m = this.m;
    const r = await this.source.events(this.source.big && note ? (done, total) => note.update(m.t("doc.readingEventsOf", { done: fmtNum(done, m), total: fmtNum(total, m) })) : null);
    // The table is built in a task of its own, not in the one that added the
    // last slice: together they held the page for 45-52 ms on 200,000 events
    // (tests/page/measure.mjs counts tasks over 50 ms).
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.dead) return;
    if (r.error) { this.hosts.eventsHost.appendChild(renderError(r.error, { title: m.t("run.eventsUnreadable"), m })); return; }
    this.eventList = r.value;
    if (!r.value.length && !this.source.eventsAlways) return;
    const v = this.view;
    const { tm, lang } = this.ctx.store.get();
    const sec = section("sec-events", m.t("run.events"), "events-panel", title ? h("span", { class: "muted small" }, title) : null);
    const events = new EventsView({
      m,
      onSelectElement: async (/** @type {string} */ el) => {
        if (this.timeline && await this.timeline.select(el, { scroll: true })) return;
        events.setSelected(el);
      },
      onChange: (/** @type {{type: string, el: string, q: string, lang: Lang, sort: EventSort}} */ f) => {
        setView(this.ctx.store, this.key, { type: f.type, el: f.el, q: f.q, sort: f.sort });
        if (f.lang !== this.ctx.store.get().lang) this.ctx.store.update({ lang: f.lang });
      },
    });
    this.events = events;
    sec.body.appendChild(events.el);
    this.hosts.eventsHost.appendChild(sec.el);
    events.setData(r.value, { mode: tm, base: this.base(), type: v.type, el: v.el, q: v.q, lang, sort: v.sort, phases: v.phases });
    if (v.lane) events.setSelected(v.lane);
  }

  async buildObjectData() {
    const run = this.run;
    if (!run) return;
    const docs = this.ctx.docs;
    /** @param {string} label @param {string | null} raw */
    const item = async (label, raw) => {
      if (raw == null) return { label, raw: null };
      const decoded = await docs.decode(raw);
      const pretty = decoded.value && decoded.value.format === "json" ? JSON.stringify(decoded.value.json, null, 2) : null;
      return { label, raw, decoded, pretty };
    };
    const items = [await item("objectData", run.objectData), await item("changedObjectData", run.changedObjectData)];
    if (this.dead || this.run !== run) return;
    const m = this.m;
    const sec = section("sec-objectdata", m.t("run.objectData"), "object-data",
      h("span", { class: "muted small" }, m.t("run.objectDataHint", { name: run.name ?? run.id })));
    sec.body.appendChild(renderObjectData(items, { runName: run.name || run.id, m }));
    this.hosts.runHost.appendChild(sec.el);
  }

  /** The time mode changed (or the language: the same redraw). */
  setMode() {
    const tm = this.ctx.store.get().tm;
    if (this.timeline) {
      this.timeline.setMode(tm, this.base());
      const lane = this.timeline.selectedLane();
      if (lane) this.onLane(lane, true);
    }
    if (this.events) this.events.setMode(tm, this.base());
  }

  /** The language of bilingual texts changed (its redraw follows with setMode). */
  setLang() {
    const lang = this.ctx.store.get().lang;
    if (this.events) this.events.update({ lang }, true);
    if (this.timeline) this.timeline.lang = lang;
  }

  /** After setLang and the owner's redraw: the details panel again. */
  redrawLane() {
    const lane = this.timeline && this.timeline.selectedLane();
    if (lane) this.onLane(lane, true);
  }

  destroy() {
    this.graph.destroy();
    if (this.timeline) this.timeline.destroy();
    if (this.events) this.events.destroy();
    if (this.source.freeFrames && this.data && this.data.kind === "frames") this.data.view.free();
  }
}

/** Bring a section of the page into view. @param {string} id */
function scrollTo(id) {
  const el = document.getElementById(id);
  if (el) scrollToEl(el);
}
