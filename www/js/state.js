// The view state kept in the URL hash. Never the payload: only names of samples,
// indexes, ids, filters, zoom and display settings.
//
//   #s=<sample>,<sample>   samples open (restored on reload; files and pastes are not)
//   &tab=<n>               the active payload tab (0-based)
//   &run=<execution id>    the selected run (workflow histories)
//   &ph=Failed,Running     phase filter (timeline lanes and events)
//   &type=Warning          event type filter
//   &el=<element>          event element filter
//   &q=<text>              event free-text filter
//   &lang=zh|en|both       language of bilingual reasons/messages
//   &sort=asc|desc|...     event sort (time asc/desc, el, type, count)
//   &lane=<lane id>        selected timeline lane (details panel open)
//   &cmp=<n>&cmprun=<id>   compared with tab n (and its run id for workflow histories)
//   &z=<t0>,<t1>           timeline zoom: visible range in epoch ms
//   &tm=utc|local|rel      time display
//   &theme=dark|light      theme (absent: follow the system)

const KEYS = ["s", "tab", "run", "ph", "type", "el", "q", "lang", "sort", "lane", "cmp", "cmprun", "z", "tm", "theme"];

export function readHash() {
  const raw = location.hash.replace(/^#/, "");
  const p = new URLSearchParams(raw);
  const st = {};
  for (const k of KEYS) {
    const v = p.get(k);
    if (v != null && v !== "") st[k] = v;
  }
  return st;
}

let pending = null;

/** Write the state to the hash (debounced, replaceState: no history spam). */
export function writeHash(st) {
  pending = st;
  setTimeout(flush, 120);
}

function flush() {
  if (!pending) return;
  const p = new URLSearchParams();
  for (const k of KEYS) {
    const v = pending[k];
    if (v == null || v === "" || (Array.isArray(v) && !v.length)) continue;
    p.set(k, Array.isArray(v) ? v.join(",") : String(v));
  }
  pending = null;
  const s = p.toString();
  const next = s ? "#" + s : location.pathname + location.search;
  if (("#" + s) !== location.hash) {
    try { history.replaceState(null, "", s ? "#" + s : next); } catch (_) { /* file:// in some browsers */ }
  }
}
