// @ts-check
// The viewer (index.html): the composition root. It makes the one store, the
// shell, the engine and the services over it, the tabs, the main pane and the
// keys, restores what the URL hash names, and from then on derives the hash
// from the store. Each module does one job; www/README.md has the map.
import { createStore } from "./app/store.js";
import { initialState, HASH_KEYS, toHash, viewFromHash, displayFromHash, tabsOf, switchLocale } from "./app/state.js";
import { readHash, deriveHash } from "./app/hash.js";
import { Shell } from "./app/shell.js";
import { installTabs, tabActions } from "./app/tabs.js";
import { Joins } from "./app/joins.js";
import { createOpener } from "./app/open.js";
import { Pane } from "./app/pane.js";
import { installInputs, togglePaste } from "./app/inputs.js";
import { installKeys } from "./app/keyboard.js";
import { renderWelcome, renderSamplesMenu } from "./app/welcome.js";
import { connect } from "./data/client.js";
import { Docs } from "./data/docs.js";
import { samples } from "./data/fetch.js";
import { isSingleFile } from "./data/inline.js";
import { clear } from "./dom.js";
import { messages } from "./i18n/index.js";

/** @import { ViewContext, TimelineMode } from "./types.js" */
/** @import { Opener } from "./app/open.js" */

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** ?timeline=frames|objects forces a drawing mode (default: frames above 20,000 lanes + events). @returns {TimelineMode} */
function timelineMode() {
  try { const m = new URLSearchParams(location.search).get("timeline"); return m === "frames" || m === "objects" ? m : "auto"; } catch (_) { return "auto"; }
}

const REPLAY = isSingleFile() ? "execscope-replay.html" : "replay.html";

async function main() {
  const hash = readHash(HASH_KEYS);
  const store = createStore({ ...initialState(), ...displayFromHash(hash, initialState()) });
  /** @type {Pane | null} */
  let pane = null;
  const shell = new Shell(store, {
    onThemeChange: () => { const panel = pane && pane.view && pane.view.panel; if (panel) panel.refreshTheme(); },
    setLocale: (ui) => store.update((s) => switchLocale(s, ui)),
  });
  const m = () => messages(store.get().ui);
  /** @type {Promise<{opener: Opener}>} */
  let ready = new Promise(() => {});
  installInputs({ onFiles: (files) => ready.then((a) => a.opener.files(files)), onText: (text) => ready.then((a) => a.opener.paste(text)) });
  $("replay-link").setAttribute("href", REPLAY);
  const welcomeActions = { replayHref: REPLAY, openFiles: () => $("file-input").click(), paste: () => togglePaste(true), sample: (/** @type {string} */ f) => ready.then((a) => a.opener.sample(f)) };
  const menu = /** @type {HTMLDetailsElement} */ ($("samples-menu"));
  const drawMenu = () => renderSamplesMenu($("samples-list"), menu, store.get().samples, welcomeActions.sample, m());
  store.subscribe((s, prev) => { if (s.samples !== prev.samples || s.ui !== prev.ui) drawMenu(); });
  drawMenu();
  renderWelcome(clear($("main")), null, welcomeActions, m());

  let engine;
  try {
    engine = await connect();
  } catch (e) {
    shell.fatal(e, { title: "fatal.title", hint: isSingleFile() ? undefined : "fatal.hint" });
    return;
  }
  shell.showVersion(engine);
  // The worker replaced by a fresh one once every payload is closed (Engine.recycle): tests and measure.mjs read the count.
  engine.onRestart = (n) => { document.documentElement.dataset.engineRestarts = String(n); };
  const docs = new Docs(engine);
  const joins = new Joins({ store, engine, shell, idle: () => (pane ? pane.idle() : Promise.resolve()) });
  const tabs = tabActions(store, docs, joins, () => pane && pane.mount());
  /** @type {ViewContext} */
  const ctx = { store, engine, docs, joins, shell, tlMode: timelineMode(), actions: tabs };
  pane = new Pane(ctx, $("main"), (main, list) => renderWelcome(main, list, welcomeActions, m()));
  pane.mount();
  const opener = createOpener({ store, docs, joins, shell });
  installTabs($("tabs"), store, tabs);
  installKeys({ store, shell, pane, tabs });
  ready = Promise.resolve({ opener });
  store.update({ samples: await samples.list() });
  await restore(hash, { store, opener, joins });

  // From here on the hash follows the store. A hand-edited hash (or back/forward)
  // re-applies the view; our own writes use replaceState and fire nothing.
  deriveHash(store, HASH_KEYS, toHash);
  window.addEventListener("hashchange", () => {
    const next = readHash(HASH_KEYS);
    const s = store.get();
    const tab = Number(next.tab) || 0;
    const all = tabsOf(s);
    const active = tab < all.length && tab !== all.findIndex((t) => t.key === s.active) ? all[tab].key : s.active;
    const { cmpTab, ...view } = viewFromHash(next);
    /** @type {Pane} */ (pane).remount(() => store.update({
      ...displayFromHash(next, initialState(s.ui)), active,
      views: active == null ? s.views : { ...s.views, [active]: view },
    }));
  });
  document.documentElement.dataset.ready = "true";
}

/**
 * Reopen the samples the hash names (and the runs they join), then its tab and view.
 * @param {Record<string, string>} hash
 * @param {{store: ViewContext["store"], opener: Opener, joins: Joins}} o
 */
async function restore(hash, { store, opener, joins }) {
  if (!hash.s) return;
  for (const file of hash.s.split(",").filter(Boolean)) await opener.sample(file, { noActivate: true });
  const docs = store.get().docs;
  if (!docs.length) return;
  if (docs.some((d) => joins.mayJoin(d))) await joins.join(docs, "quiet");
  const all = tabsOf(store.get());
  const tab = all[Math.max(0, Math.min(Number(hash.tab) || 0, all.length - 1))];
  const { cmpTab, ...view } = viewFromHash(hash);
  const other = cmpTab && tab.kind !== "join" ? store.get().docs[cmpTab.tab] : null;
  if (other && cmpTab) view.cmp = { docId: other.id, run: cmpTab.run };
  store.update((s) => ({ active: tab.key, views: { ...s.views, [tab.key]: view } }));
  if (joins.pending()) joins.join(store.get().docs, "notify");
}

main();
