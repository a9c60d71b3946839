// @ts-check
// The polling replay (replay.html): the composition root. A recorded series of
// snapshots of one execution (samples/polling/) is replayed as if a console
// polled it every N seconds (app/player.js); the page shows the run growing
// (views/replay-view.js). One store; the hash is derived from it:
//
//   #series=<name>&at=<snapshots added>&every=<ms>&tm=utc|local|rel&theme=dark|light
//
// Keys: Space play/pause, → / N step, ← / B back, Home reset, T theme, U time,
//       and the timeline's W S A D F J K.
import { createStore } from "./app/store.js";
import { readHash, deriveHash } from "./app/hash.js";
import { Shell } from "./app/shell.js";
import { Player, SPEEDS } from "./app/player.js";
import { timelineKey } from "./app/keyboard.js";
import { isTyping } from "./app/inputs.js";
import { connect } from "./data/client.js";
import { polling } from "./data/fetch.js";
import { isSingleFile } from "./data/inline.js";
import { ReplayView } from "./views/replay-view.js";
import { TIME_MODES } from "./fmt.js";
import { startLocale, messages } from "./i18n/index.js";

/** @import { ReplayState, TimeMode, Theme } from "./types.js" */
/** @import { Store } from "./app/store.js" */

const HASH_KEYS = ["series", "at", "every", "tm", "theme"];

/** @param {ReplayState} s */
function toHash(s) {
  return {
    series: s.series ? s.series.name : "",
    at: s.added || "",
    every: s.every !== 2000 ? s.every : "",
    tm: s.tm !== "utc" ? s.tm : "",
    theme: s.theme,
  };
}

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

async function main() {
  const hs = readHash(HASH_KEYS);
  /** @type {ReplayState} */
  const initial = {
    list: [], series: null, added: 0, every: 2000, playing: false, due: 0, now: 0, snap: null, z: null, lane: "",
    tm: TIME_MODES.some((m) => m.id === hs.tm) ? /** @type {TimeMode} */ (hs.tm) : "utc",
    theme: hs.theme === "dark" || hs.theme === "light" ? /** @type {Theme} */ (hs.theme) : "",
    ui: startLocale(),
  };
  if (hs.every && SPEEDS.some((s) => String(s.ms) === hs.every)) initial.every = Number(hs.every);
  const store = createStore(initial);
  /** @type {ReplayView | null} */
  let view = null;
  const shell = new Shell(store, { onThemeChange: () => { if (view) view.refreshTheme(); }, title: () => messages(store.get().ui).t("page.replayTitle") });
  $("home-link").setAttribute("href", isSingleFile() ? "execscope.html" : "index.html");
  let engine;
  try {
    engine = await connect();
  } catch (e) {
    shell.fatal(e, { title: "fatal.replayTitle" });
    return;
  }
  shell.showVersion(engine);
  const list = await polling.list();
  store.update({ list, series: list.find((s) => s.name === hs.series) || list[0] || null });
  const player = new Player(store, engine, shell);
  await player.reset();
  let v = new ReplayView(store, player, $("main"));
  view = v;
  // A new language: the view is made again from the store (the timeline's zoom and lane are in it).
  store.subscribe((st, prev) => {
    if (st.ui === prev.ui) return;
    v.destroy();
    v = new ReplayView(store, player, $("main"));
    view = v;
  });
  document.addEventListener("keydown", (e) => onKey(e, { store, shell, player, view: /** @type {ReplayView} */ (view) }));
  deriveHash(store, HASH_KEYS, toHash);
  if (store.get().series && hs.at && /^\d+$/.test(hs.at)) await player.goTo(Number(hs.at));
  document.documentElement.dataset.ready = "true";
}

/**
 * @param {KeyboardEvent} e
 * @param {{store: Store<ReplayState>, shell: Shell, player: Player, view: ReplayView}} o
 */
function onKey(e, { store, shell, player, view }) {
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
  const tl = view.timeline;
  const onCanvas = document.activeElement === tl.canvas;
  let handled = true;
  switch (e.key) {
    case " ":
      if (document.activeElement && document.activeElement.tagName === "BUTTON") { handled = false; break; }
      if (store.get().playing) player.stop(); else player.play();
      break;
    case "ArrowRight": if (onCanvas) tl.panBy(0.2); else { player.stop(); player.step(); } break;
    case "n": case "N": player.stop(); player.step(); break;
    case "ArrowLeft": if (onCanvas) tl.panBy(-0.2); else player.back(); break;
    case "b": case "B": player.back(); break;
    case "Home": player.stop(); player.goTo(0); break;
    case "t": case "T": shell.cycleTheme(); break;
    case "u": case "U": shell.cycleTimeMode(); break;
    case "Escape": if (tl.selectedLane()) tl.select(null); else handled = false; break;
    default: handled = timelineKey(tl, e.key);
  }
  if (handled) e.preventDefault();
}

main();
