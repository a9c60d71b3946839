// @ts-check
// The polling replay's view: the controls (series, reset / back / play / step,
// the poll interval, a dot per snapshot), the merged run's summary, its progress
// over time and what changed at each poll, and the timeline growing. Drawn from
// the replay's store; the buttons drive the player (app/player.js).
import { h, clear } from "../dom.js";
import { formatLabel } from "../fmt.js";
import { messages } from "../i18n/index.js";
import { renderSummary } from "../render/summary.js";
import { TimelineView } from "../render/timeline-view.js";
import { ObjectLanes } from "../render/lanes-objects.js";
import { renderDetails } from "../render/details.js";
import { renderError } from "../render/errors.js";
import { ProgressChart } from "../render/progress.js";
import { renderChanges } from "../render/changes.js";
import { renderStartSources, countStartSources } from "../render/join.js";
import { SPEEDS } from "../app/player.js";

/** @import { ReplayState, Lane } from "../types.js" */
/** @import { Store } from "../app/store.js" */
/** @import { Player } from "../app/player.js" */

/** @param {string} label @param {string} title @param {string} testid @param {() => void} fn @param {string} [cls] */
const btn = (label, title, testid, fn, cls) => h("button", { type: "button", class: ["btn", cls || ""], title, "data-testid": testid, onclick: fn }, label);

export class ReplayView {
  /** @param {Store<ReplayState>} store @param {Player} player @param {HTMLElement} main */
  constructor(store, player, main) {
    this.store = store;
    this.player = player;
    const s = store.get();
    const m = messages(s.ui);
    /** The interface's words (a new language makes a new view: replay.js). */
    this.m = m;
    clear(main);
    const root = h("div", { class: "doc replay", "data-testid": "replay" });
    main.appendChild(root);
    this.seriesSel = /** @type {HTMLSelectElement} */ (h("select", { class: "input small", "aria-label": m.t("rp.series"), "data-testid": "replay-series",
      onchange: () => player.pick(this.seriesSel.value) }));
    for (const x of s.list) this.seriesSel.appendChild(h("option", { value: x.name }, x.title || x.name));
    this.reset = /** @type {HTMLButtonElement} */ (btn(m.t("rp.reset"), m.t("rp.resetTitle"), "replay-reset", () => { player.stop(); player.goTo(0); }));
    this.back = /** @type {HTMLButtonElement} */ (btn(m.t("rp.back"), m.t("rp.backTitle"), "replay-back", () => player.back()));
    this.play = /** @type {HTMLButtonElement} */ (btn(m.t("rp.play"), m.t("rp.playTitle"), "replay-play", () => (store.get().playing ? player.stop() : player.play()), "primary"));
    this.step = /** @type {HTMLButtonElement} */ (btn(m.t("rp.step"), m.t("rp.stepTitle"), "replay-step", () => { player.stop(); player.step(); }));
    this.speed = h("div", { class: "seg small", role: "radiogroup", "aria-label": m.t("rp.every"), "data-testid": "replay-speed" });
    this.status = h("span", { class: "replay-status mono-num", "data-testid": "replay-status", "aria-live": "polite" });
    this.countdown = h("span", { class: "muted small mono-num", "data-testid": "replay-countdown" });
    this.dots = h("div", { class: "replay-dots", "data-testid": "replay-dots" });
    this.desc = h("p", { class: "muted small replay-desc" });
    root.appendChild(h("section", { class: "card replay-controls", "data-testid": "replay-controls" },
      h("div", { class: "replay-row" },
        h("div", { class: "kicker" }, m.t("rp.kicker")), s.list.length > 1 ? this.seriesSel : h("strong", { class: "replay-title" }, s.series ? s.series.title || s.series.name : "")),
      this.desc,
      h("div", { class: "replay-row" },
        h("div", { class: "btn-group" }, this.reset, this.back), this.play, this.step,
        h("span", { class: "muted small", "aria-hidden": "true" }, m.t("rp.every")), this.speed,
        h("span", { class: "spacer" }), this.status, this.countdown),
      this.dots));
    this.summaryHost = h("div");
    root.appendChild(this.summaryHost);
    this.chart = new ProgressChart(m);
    this.changesHost = h("div", { class: "history-changes" });
    root.appendChild(h("section", { class: "panel", id: "sec-history", "data-testid": "history-panel" },
      h("header", { class: "panel-head" }, h("h3", null, m.t("rp.progressTitle")),
        h("span", { class: "muted small" }, m.t("rp.progressHint"))),
      h("div", { class: "panel-body" },
        h("div", { class: "history" },
          h("div", { class: "history-chart" }, h("div", { class: "sub-title" }, m.t("rp.progressOver")), this.chart.el,
            h("div", { class: "pc-legend" }, h("span", null, h("span", { class: "pc-key" }), m.t("rp.keyReported")), h("span", null, h("span", { class: "pc-key derived" }), m.t("rp.keyDerived")),
              h("span", null, m.t("rp.keyDots")))),
          this.changesHost))));
    this.tlHead = h("div", { class: "tl-head" });
    this.detailsHost = h("div", { class: "tl-side", hidden: true });
    this.timeline = new TimelineView({
      onSelect: (/** @type {Lane | null} */ lane) => this.showLane(lane),
      onViewChange: (/** @type {[number, number] | null} */ z) => store.update({ z }),
    });
    this.layout = h("div", { class: "tl-layout" }, this.timeline.el, this.detailsHost);
    root.appendChild(h("section", { class: "panel", id: "sec-timeline", "data-testid": "timeline-panel" },
      h("header", { class: "panel-head" }, h("h3", null, m.t("run.timeline")), h("span", { class: "muted small" }, m.t("rp.timelineHint"))),
      h("div", { class: "panel-body" }, this.tlHead, this.layout)));
    this.unsubscribe = store.subscribe((st, prev) => {
      if (st.snap !== prev.snap || st.tm !== prev.tm) this.render();
      else if (st.series !== prev.series || st.added !== prev.added || st.every !== prev.every || st.playing !== prev.playing) this.renderControls();
      else if (st.now !== prev.now || st.due !== prev.due) this.renderCountdown();
    });
    this.renderControls();
    this.render();
  }

  /** The view goes (the language changed: replay.js makes a new one). */
  destroy() {
    this.unsubscribe();
    this.timeline.destroy();
    this.chart.destroy();
  }

  /** The theme changed: the canvases redraw. */
  refreshTheme() {
    this.timeline.refreshTheme();
    this.chart.draw();
  }

  /** @param {Lane | null} lane */
  showLane(lane) {
    this.store.update({ lane: lane ? lane.id : "" });
    if (!lane && this.detailsHost.contains(document.activeElement)) this.timeline.canvas.focus({ preventScroll: true });
    clear(this.detailsHost);
    this.detailsHost.hidden = !lane;
    this.layout.classList.toggle("with-side", !!lane);
    if (lane) {
      this.detailsHost.appendChild(renderDetails(lane, {
        mode: this.store.get().tm, base: this.base(), openEnd: this.timeline.openEnd, events: null, lang: "both", m: this.m,
        onClose: () => this.timeline.select(null),
      }));
    }
    this.timeline.layout();
  }

  base() {
    const snap = this.store.get().snap;
    const s = snap && snap.summary;
    return (s && s.run.startedAt) ?? (snap && snap.tl && snap.tl.start) ?? null;
  }

  renderControls() {
    const st = this.store.get();
    const s = st.series;
    const n = s ? s.snapshots.length : 0;
    const m = this.m;
    if (s) this.seriesSel.value = s.name;
    this.desc.textContent = s ? s.description || "" : m.t("rp.noSeries");
    this.play.textContent = m.t(st.playing ? "rp.pause" : "rp.play");
    this.play.setAttribute("aria-pressed", String(st.playing));
    this.play.disabled = !s;
    this.step.disabled = !s || st.added >= n;
    this.back.disabled = !st.added;
    this.reset.disabled = !st.added;
    clear(this.speed);
    for (const sp of SPEEDS) {
      this.speed.appendChild(h("button", { type: "button", role: "radio", "aria-checked": String(st.every === sp.ms), class: st.every === sp.ms ? "on" : "",
        "data-ms": String(sp.ms), onclick: () => this.player.setSpeed(sp.ms) }, m.t("rp.seconds", { n: sp.ms / 1000 })));
    }
    this.status.textContent = m.t("rp.status", { added: st.added, n });
    this.status.dataset.added = String(st.added);
    clear(this.dots);
    for (let i = 0; i < n && s; i++) {
      this.dots.appendChild(h("button", { type: "button", class: ["rdot", i < st.added ? "on" : "", i === st.added - 1 ? "last" : ""],
        title: m.t("rp.goTo", { k: i + 1, file: s.snapshots[i] }), "aria-label": m.t("rp.goToLabel", { k: i + 1 }),
        onclick: () => { this.player.stop(); this.player.goTo(i + 1); } }, String(i + 1)));
    }
    this.renderCountdown();
    document.title = s ? m.t("page.replayTitleAt", { added: st.added, total: n }) : m.t("page.replayTitle");
  }

  renderCountdown() {
    const st = this.store.get();
    if (!st.playing || !st.due) {
      this.countdown.textContent = st.series && st.added >= st.series.snapshots.length ? this.m.t("rp.ended") : "";
      return;
    }
    const left = Math.max(0, st.due - performance.now());
    this.countdown.textContent = this.m.t("rp.next", { s: this.m.dec(left / 1000, 1) });
  }

  render() {
    const st = this.store.get();
    const snap = st.snap;
    const m = this.m;
    clear(this.summaryHost);
    clear(this.tlHead);
    if (!snap) {
      this.summaryHost.appendChild(h("section", { class: "card", "data-testid": "replay-empty" },
        h("p", { class: "muted" }, m.tx("rp.empty", { play: h("kbd", null, "Space"), step: h("kbd", null, "→") }))));
      this.chart.setData([], { mode: st.tm });
      clear(this.changesHost);
      this.changesHost.appendChild(h("div", { class: "sub-title" }, m.t("joinView.changes")));
      this.changesHost.appendChild(renderChanges([], { m }));
      this.timeline.setSource(new ObjectLanes({ start: null, end: null, lanes: [] }), { mode: st.tm });
      this.showLane(null);
      this.renderControls();
      return;
    }
    if (snap.error) this.summaryHost.appendChild(renderError(snap.error, { title: m.t("rp.snapshotUnreadable"), m }));
    if (snap.summary) {
      const run = snap.summary.run;
      const format = (st.series && st.series.format) || "aos-execution";
      this.summaryHost.appendChild(renderSummary({
        label: formatLabel(format, m), run, mode: st.tm, lang: "both", m,
        onJumpFailure: (ff) => this.timeline.select(ff.element, { scroll: true, at: ff.at }),
      }));
      const hist = snap.summary.progressHistory;
      this.chart.setData(hist, { mode: st.tm, base: this.base() });
      this.chart.el.dataset.last = hist.length ? String(hist[hist.length - 1].reported ?? hist[hist.length - 1].derived ?? "") : "";
    }
    clear(this.changesHost);
    this.changesHost.appendChild(h("div", { class: "sub-title" }, m.t("joinView.changes"), h("span", { class: "muted small" },
      m.t("rp.changesOver", { changes: m.t("chg.count", { n: snap.changes.length }), polls: m.t("rp.polls", { n: Math.max(0, st.added - 1) }) }))));
    this.changesHost.appendChild(renderChanges(snap.changes, {
      m, mode: st.tm, base: this.base(), latest: st.added - 1,
      onSelect: (/** @type {string} */ el) => this.timeline.select(el, { scroll: true }),
    }));
    if (snap.tl) {
      const selected = st.lane;
      this.timeline.setSource(new ObjectLanes(snap.tl), { mode: st.tm, base: this.base(), view: st.z });
      const starts = renderStartSources(countStartSources(snap.tl), m);
      if (starts) this.tlHead.appendChild(starts);
      if (selected) this.timeline.select(selected, { notify: true });
      else this.showLane(null);
    }
    this.renderControls();
  }
}
