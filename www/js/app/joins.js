// @ts-check
// Joining: every open payload that may join another one is added to one core
// Workspace (data/remote.js Space, kept in the engine), and every run that two
// or more open payloads joined becomes a tab (a Join in the store). Which
// payloads may join is the core's rule: they share one of their runs'
// `joinKeys` (the keys src/workspace.rs joins on). Adding a payload reads it once
// more in the engine, so only those that may join are added.
import { Space } from "../data/remote.js";
import { tabsOf } from "./state.js";
import { messages } from "../i18n/index.js";

/** @import { AppState, Doc, Join, JoinSource, PageError, TimelineMode } from "../types.js" */
/** @import { Store } from "./store.js" */
/** @import { Engine } from "../data/client.js" */
/** @import { Shell } from "./shell.js" */

/** "quiet": the caller shows the joined run; "notify": a toast names a new one. @typedef {"quiet" | "notify"} How */

export class Joins {
  /**
   * @param {object} o
   * @param {Store<AppState>} o.store
   * @param {Engine} o.engine
   * @param {Shell} o.shell
   * @param {() => Promise<void>} o.idle resolves when the active view has drawn what it queued (joining never delays a first paint)
   */
  constructor({ store, engine, shell, idle }) {
    this.store = store;
    this.engine = engine;
    this.shell = shell;
    this.idle = idle;
    /** @type {Promise<unknown>} */
    this.queue = Promise.resolve();
    /** @type {Space | null} */
    this.space = null;
    /** The payloads in the workspace, by doc id: their name there. @type {Map<number, string>} */
    this.members = new Map();
    /** Joined runs whose tab was closed (Join.key): not shown again. @type {Set<string>} */
    this.dismissed = new Set();
    this.seq = 0;
    /** @type {WeakMap<Doc, Set<string>>} */
    this.keys = new WeakMap();
  }

  /** Workspace work, one task at a time. @param {() => Promise<unknown>} fn */
  task(fn) {
    this.queue = this.queue.then(fn).catch(() => {});
    return this.queue;
  }

  /** @param {Doc} doc */
  joinable(doc) {
    return !doc.error && !!doc.summary && !doc.summary.apiError && doc.summary.runs.length > 0 && this.engine.has("Workspace");
  }

  /** The join keys of a doc's runs (the core's Run.joinKeys). @param {Doc} doc */
  keysOf(doc) {
    let k = this.keys.get(doc);
    if (!k) {
      k = new Set();
      for (const r of doc.summary ? doc.summary.runs : []) for (const key of r.joinKeys || []) k.add(key);
      this.keys.set(doc, k);
    }
    return k;
  }

  /**
   * Whether a doc may join another open one: a run of each shares a join key.
   * @param {Doc} doc @param {readonly Doc[]} [open] the open docs (default: the store's)
   */
  mayJoin(doc, open = this.store.get().docs) {
    if (!this.joinable(doc)) return false;
    const keys = this.keysOf(doc);
    return open.some((d) => d !== doc && this.joinable(d) && [...this.keysOf(d)].some((k) => keys.has(k)));
  }

  /** @param {Doc} doc */
  isMember(doc) {
    return this.members.has(doc.id);
  }

  /** @param {string} name */
  uniqueName(name) {
    const used = new Set(this.members.values());
    let n = name || "payload";
    for (let k = 2; used.has(n); k++) n = name + " (" + k + ")";
    return n;
  }

  /** @param {Doc} doc @param {Space} space @param {readonly Doc[]} open */
  async add(doc, space, open) {
    if (this.members.has(doc.id) || !open.includes(doc) || !this.mayJoin(doc, open)) return;
    const name = this.uniqueName(doc.name);
    const r = await space.addDoc(doc, name);
    if (!r.error) this.members.set(doc.id, name);
  }

  /**
   * Add payloads (and the open ones they may join) to the workspace in the
   * background, then show the runs they join. Resolves to the joined runs that are new.
   * `unshown`: payloads just read that are not in the store yet; they become tabs
   * in the same update as the runs they join (always, also when none joins).
   * @param {readonly Doc[]} docs @param {How} how @param {readonly Doc[]} [unshown]
   * @returns {Promise<Join[]>}
   */
  join(docs, how, unshown = []) {
    /** @type {Join[]} */
    let fresh = [];
    return this.task(async () => {
      const open = this.store.get().docs.concat(unshown);
      const todo = new Set(docs.filter((d) => this.mayJoin(d, open)));
      if (!todo.size) return;
      for (const d of open) if (!todo.has(d) && this.mayJoin(d, open)) todo.add(d);
      await this.idle();
      if (!this.space) this.space = await Space.create(this.engine);
      for (const d of open) if (todo.has(d)) await this.add(d, this.space, open);
      fresh = await this.refresh(how, unshown);
    }).then(() => {
      if (unshown.length && !this.store.get().docs.includes(unshown[0])) this.store.update((s) => ({ docs: s.docs.concat(unshown) }));
      return fresh;
    });
  }

  /** Whether some open payload may join but is not in the workspace yet. */
  pending() {
    return this.store.get().docs.some((d) => this.mayJoin(d) && !this.isMember(d));
  }

  /** A payload was closed: a new workspace of the others replaces the old one (no remove in the core). @param {Doc} doc */
  removed(doc) {
    if (!this.members.has(doc.id)) return;
    this.task(async () => {
      const old = this.space;
      const next = await Space.create(this.engine);
      this.members.clear();
      const open = this.store.get().docs;
      for (const d of open) await this.add(d, next, open);
      this.space = next;
      if (old) await old.free();
      await this.refresh("notify");
    });
  }

  /** A joined run's tab was closed: its payloads stay, the run is not shown again. @param {Join} join */
  dismiss(join) {
    this.dismissed.add(join.key);
  }

  /**
   * Re-read the workspace's runs: a tab per run that two or more open payloads joined.
   * @param {How} how @param {readonly Doc[]} [unshown] payloads that become tabs with them (see join)
   * @returns {Promise<Join[]>} the new ones
   */
  async refresh(how, unshown = []) {
    if (!this.space) return [];
    const r = await this.space.runs();
    if (r.error) return [];
    const st0 = this.store.get();
    const s = { ...st0, docs: st0.docs.concat(unshown) };
    /** @type {Join[]} */
    const next = [];
    /** @type {Join[]} */
    const fresh = [];
    for (const run of r.value) {
      /** @type {(JoinSource | null)[]} */
      const found = run.sources.map((src) => {
        const d = s.docs.find((x) => this.members.get(x.id) === src.name);
        return d ? { ...src, docId: d.id } : null;
      });
      /** @type {JoinSource[]} */
      const sources = [];
      for (const x of found) if (x) sources.push(x);
      if (sources.length < found.length) continue;
      if (new Set(sources.map((x) => x.docId)).size < 2) continue;
      const key = sources.map((x) => x.docId).sort((a, b) => a - b).join(",");
      if (this.dismissed.has(key)) continue;
      const old = s.joins.find((j) => j.key === key) || s.joins.find((j) => j.runId === run.id);
      const size = sources.reduce((a, x) => a + ((s.docs.find((d) => d.id === x.docId) || { size: 0 }).size || 0), 0);
      /** @type {Join} */
      const join = { id: old ? old.id : "join-" + (++this.seq), key, runId: run.id, name: run.name, phase: run.phase, sources, snapshots: run.snapshots, size };
      next.push(join);
      if (!old) fresh.push(join);
    }
    this.store.update((st) => {
      // The active tab stays; a joined run that went away leaves its place to the tab now there.
      let active = st.active;
      const before = tabsOf(st);
      const docs = st.docs.concat(unshown.filter((d) => !st.docs.includes(d)));
      const after = tabsOf({ ...st, docs, joins: next });
      if (active != null && !after.some((t) => t.key === active)) {
        const i = before.findIndex((t) => t.key === active);
        active = after.length ? after[Math.min(Math.max(i, 0), after.length - 1)].key : null;
      }
      return { docs, joins: next, active };
    });
    if (fresh.length && how === "notify") this.shell.toast(messages(this.store.get().ui).t("join.toast", { names: fresh[0].sources.map((x) => x.name).join(" + ") }));
    return fresh;
  }

  // ---- what a joined run's view asks (the workspace's summary, timeline, changes, graph) ----------

  /** @param {string} runId */
  summary(runId) {
    return this.space ? this.space.summary(runId) : Promise.resolve(closed());
  }

  /** @param {string} runId @param {TimelineMode} mode @param {number} weight */
  timeline(runId, mode, weight) {
    return this.space ? this.space.timeline(runId, mode, weight) : Promise.resolve(closed());
  }

  /** @param {string} runId */
  changes(runId) {
    return this.space ? this.space.changes(runId, 0) : Promise.resolve(closed());
  }

  /** The joined run's dependency graph. @param {string} runId */
  graph(runId) {
    return this.space ? this.space.graph(runId) : Promise.resolve(closed());
  }
}

/** @returns {{error: PageError}} */
function closed() {
  return { error: { code: "closed", message: "the joined payloads were closed", line: null, column: null, offset: null } };
}
