// @ts-check
// The polling replay's player: a recorded series of snapshots of one execution
// (samples/polling/) replayed as if a console polled it every N seconds. Each
// poll adds the next snapshot to a core Workspace (kept in the engine); the
// merged summary, timeline and changes go into the replay's store.
import { Space } from "../data/remote.js";
import { polling } from "../data/fetch.js";
import { messages } from "../i18n/index.js";

/** @import { Store } from "./store.js" */
/** @import { Engine } from "../data/client.js" */
/** @import { Shell } from "./shell.js" */
/** @import { ReplayState } from "../types.js" */

/** The poll intervals, ms (views/replay-view.js labels them in seconds). */
export const SPEEDS = [{ ms: 500 }, { ms: 1000 }, { ms: 2000 }, { ms: 5000 }, { ms: 10000 }];

export class Player {
  /** @param {Store<ReplayState>} store @param {Engine} engine @param {Shell} shell */
  constructor(store, engine, shell) {
    this.store = store;
    this.engine = engine;
    this.shell = shell;
    /** @type {Promise<unknown>} */
    this.busy = Promise.resolve();
    /** @type {Space | null} */
    this.space = null;
    /** @type {string | null} */
    this.runId = null;
    /** Snapshots in the workspace (the store's `added` once the poll is drawn). */
    this.added = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    /** @type {ReturnType<typeof setInterval> | undefined} */
    this.tick = undefined;
  }

  /** Workspace work, one poll at a time. @param {() => Promise<unknown>} fn */
  task(fn) {
    this.busy = this.busy.then(fn).catch((e) => { this.shell.toast((e && e.message) || String(e), true); });
    return this.busy;
  }

  async reset() {
    if (this.space) await this.space.free();
    this.space = await Space.create(this.engine);
    this.runId = null;
    this.added = 0;
  }

  /** Add the snapshot at `added` (one poll). */
  async addNext() {
    const s = this.store.get();
    if (!s.series || !this.space || this.added >= s.series.snapshots.length) return false;
    const file = s.series.snapshots[this.added];
    const r = await this.space.addInput(await polling.bytes(file), file);
    if (r.error) throw new Error(messages(s.ui).t("rp.stepFailed", { file, detail: r.error.message }));
    this.runId = r.value.runs[0] || this.runId;
    this.added++;
    return true;
  }

  /** Re-read the workspace (summary, timeline, changes) and show it: the store changes once per poll. */
  async refresh() {
    const space = this.space;
    if (!this.runId || !space) { this.store.update({ added: this.added, snap: null }); return; }
    const [sum, tl, ch] = await Promise.all([
      space.summary(this.runId),
      space.timeline(this.runId, "objects"),
      space.changes(this.runId, 0),
    ]);
    this.store.update({
      added: this.added,
      snap: {
        summary: sum.value || null, error: sum.error || tl.error || ch.error || null,
        tl: tl.value && tl.value.kind === "objects" ? tl.value.value : null,
        changes: ch.value || [],
      },
    });
  }

  count() {
    const s = this.store.get().series;
    return s ? s.snapshots.length : 0;
  }

  /** One poll (→, N, Step). */
  step() {
    return this.task(async () => {
      if (!(await this.addNext())) { this.stop(); return; }
      await this.refresh();
    });
  }

  /** One poll less (←, B): the workspace is rebuilt with one snapshot less. */
  back() {
    this.stop();
    return this.goTo(Math.max(0, this.store.get().added - 1));
  }

  /** The state after `n` polls. @param {number} n */
  goTo(n) {
    return this.task(async () => {
      const target = Math.max(0, Math.min(n, this.count()));
      await this.reset();
      // Added one by one, as polled (the workspace orders them by their last update anyway).
      while (this.added < target && await this.addNext());
      await this.refresh();
    });
  }

  play() {
    if (!this.store.get().series) return;
    if (this.store.get().added >= this.count()) this.goTo(0);
    this.store.update({ playing: true });
    this.schedule();
  }

  stop() {
    clearTimeout(this.timer);
    clearInterval(this.tick);
    this.store.update({ playing: false, due: 0 });
  }

  schedule() {
    clearTimeout(this.timer);
    clearInterval(this.tick);
    const s = this.store.get();
    if (!s.playing) return;
    this.store.update({ due: performance.now() + s.every });
    this.timer = setTimeout(async () => {
      await this.step();
      if (this.store.get().playing && this.store.get().added < this.count()) this.schedule();
      else this.stop();
    }, s.every);
    // The countdown ("next poll in 1.4 s") is redrawn from `due`.
    this.tick = setInterval(() => this.store.update({ now: performance.now() }), 100);
  }

  /** @param {number} ms */
  setSpeed(ms) {
    this.store.update({ every: ms });
    if (this.store.get().playing) this.schedule();
  }

  /** Another recorded series. @param {string} name */
  pick(name) {
    const s = this.store.get().list.find((x) => x.name === name);
    if (!s) return;
    this.stop();
    this.store.update({ series: s, z: null });
    this.goTo(0);
  }
}
