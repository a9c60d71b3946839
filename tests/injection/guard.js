// Installed in the page before any of its own scripts (page.addInitScript):
//  1. the guard: a MutationObserver on the whole document that records every
//     element the page adds whose tag is forbidden (script, iframe, object,
//     embed, base, meta, link, style, form, img, svg, ...) or that the page's own
//     code never creates, every on* attribute, every javascript: URL and every
//     URL attribute on a new element, every CSS url()/expression() in a style
//     attribute; and a final scan of the whole DOM doing the same checks;
//  2. the driver: opens every view of the active payload (summary, timeline with
//     hover tooltips over every lane, the details panel, the events table with
//     search / element filter / type filter / sort / languages, objectData as
//     tree and text, the raw payload tree expanded fully, warnings and their
//     paths, errors, compare, the dependency graph: tooltips over its boxes,
//     its keys, its list of every element, the root cause and critical path
//     highlights) and checks that given texts show exactly.
// Plain script (no module): the page's CSP does not apply to init scripts.
(() => {
  "use strict";
  if (window.__inj) return;
  const CFG = window.__INJ_CONFIG || {};
  const ALLOWED = new Set(CFG.allowedTags || []);
  const FORBIDDEN = new Set(CFG.forbiddenTags || []);
  const HTML_NS = "http://www.w3.org/1999/xhtml";
  const URL_ATTRS = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc", "srcset",
    "background", "ping", "codebase", "cite", "longdesc", "manifest", "icon", "lowsrc", "dynsrc", "archive", "classid",
    "profile", "usemap", "imagesrcset", "attributionsrc"]);
  const baseline = new WeakSet();
  const inj = (window.__inj = {
    violations: [], violationCount: 0, mutations: 0, scanned: 0, where: "", baselined: false,
    baselineCounts: null, title: null, href: null,
  });

  function describe(el) {
    let s = "<" + el.localName;
    for (const a of el.attributes) s += " " + a.name + "=" + JSON.stringify(a.value.slice(0, 80));
    return s + ">";
  }

  function violation(kind, el, detail) {
    inj.violationCount++;
    if (inj.violations.length < 100) {
      inj.violations.push({ kind, where: inj.where, el: el ? describe(el).slice(0, 300) : "", detail: String(detail ?? "").slice(0, 300) });
    }
  }

  const STRIP = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g;

  function checkAttr(el, name, value) {
    const n = name.toLowerCase();
    if (n.startsWith("on")) { violation("on-attribute", el, n); return; }
    if (URL_ATTRS.has(n)) {
      const v = String(value ?? "").replace(STRIP, "").toLowerCase();
      if (/^(javascript|vbscript|livescript|mocha|data:text\/html)/.test(v)) violation("javascript-url", el, n + "=" + value);
      // the page's own links are relative page names (replay.html); downloads are blob: URLs
      else if (!baseline.has(el) && !v.startsWith("blob:") && !/^[\w-]+\.html$/.test(String(value))) violation("url-attribute", el, n + "=" + value);
      return;
    }
    if (n === "style" && /url\s*\(|expression\s*\(|javascript:|-moz-binding|behavior\s*:|@import/i.test(value)) violation("style-url", el, value);
  }

  function checkEl(el) {
    inj.scanned++;
    if (!baseline.has(el)) {
      const t = el.localName;
      if (el.namespaceURI !== HTML_NS) violation("foreign-namespace-element", el, el.namespaceURI);
      else if (FORBIDDEN.has(t)) violation("forbidden-element", el, t);
      else if (!ALLOWED.has(t)) violation("unexpected-element", el, t);
    }
    for (const a of el.attributes) checkAttr(el, a.name, a.value);
  }

  function checkTree(node) {
    if (!node || node.nodeType !== 1) return;
    checkEl(node);
    const all = node.getElementsByTagName("*");
    for (let i = 0; i < all.length; i++) checkEl(all[i]);
  }

  const COUNTED = ["script", "iframe", "frame", "object", "embed", "base", "meta", "link", "style", "form", "img", "svg", "template"];
  function counts() {
    const c = {};
    for (const t of COUNTED) c[t] = document.getElementsByTagName(t).length;
    return c;
  }

  function takeBaseline() {
    if (inj.baselined) return;
    const all = document.getElementsByTagName("*");
    for (let i = 0; i < all.length; i++) baseline.add(all[i]);
    inj.baselineCounts = counts();
    inj.title = document.title;
    inj.href = location.href.replace(/#.*$/, "");
    inj.baselined = true;
  }

  const mo = new MutationObserver((records) => {
    for (const r of records) {
      inj.mutations++;
      if (r.type === "childList") {
        if (!inj.baselined) continue;
        for (const n of r.addedNodes) checkTree(n);
      } else if (r.type === "attributes") {
        const v = r.target.getAttribute(r.attributeName);
        if (v != null) checkAttr(r.target, r.attributeName, v);
      }
    }
  });
  mo.observe(document, { childList: true, subtree: true, attributes: true });
  // Parsing is over (readyState "interactive") before any deferred or module script runs:
  // what exists then is the page's own markup; everything later is the page's code.
  document.addEventListener("readystatechange", () => { if (document.readyState !== "loading") takeBaseline(); });

  /** The final scan: every element of the document, and what must not have changed. */
  inj.finalScan = () => {
    const before = inj.violationCount;
    const saved = inj.where;
    inj.where = "final scan";
    checkTree(document.documentElement);
    const now = counts();
    for (const t of COUNTED) {
      if (now[t] !== inj.baselineCounts[t]) violation("element-count-changed", null, t + ": " + inj.baselineCounts[t] + " -> " + now[t]);
    }
    // (the page sets its own title, e.g. the replay's "4/8"; a payload script would write "pwned")
    if (/pwned/i.test(document.title)) violation("title-changed", null, document.title);
    if (location.href.replace(/#.*$/, "") !== inj.href) violation("location-changed", null, location.href);
    for (const k of ["__pwned", "__xss"]) if (k in window) violation("global-set", null, k);
    if (document.body.getAttributeNames().some((n) => n.startsWith("on"))) violation("on-attribute", document.body, "body");
    inj.where = saved;
    return { violations: inj.violationCount - before, scanned: inj.scanned };
  };

  // ---------------------------------------------------------------------------------------
  // the driver

  const tid = (id) => '[data-testid="' + id + '"]';
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  async function until(fn, ms, what) {
    const t0 = performance.now();
    for (;;) {
      const v = fn();
      if (v) return v;
      if (performance.now() - t0 > ms) throw new Error("timed out waiting for " + what);
      await frame();
    }
  }
  const docRoot = () => document.querySelector(tid("doc"));
  // Generous: a wait that ends is a hang, never a slow machine (passes share two cores in CI).
  const LOAD_WAIT_MS = 300000;
  /** What the page shows when a wait gives up: which tab, its view's state, the busy note, a toast, the engine. */
  function pageState() {
    const q = (sel) => document.querySelector(sel);
    const text = (e) => (e ? JSON.stringify(e.textContent.slice(0, 200)) : "none");
    const r = docRoot();
    const tab = q(tid("tab") + ".on .tab-name");
    return ["active tab " + text(tab), "tabs " + document.querySelectorAll(tid("tab")).length, "view " + (r ? "data-loaded=" + r.dataset.loaded : "absent"),
      "busy " + text(q(".busy")), "toast " + text(q("#toast:not([hidden])")), "engine " + (document.documentElement.dataset.engine || "(not started)"),
      "error " + text(q(tid("error")))].join("; ");
  }
  /** The active payload's view once it has drawn everything it queued (data-loaded="true"). */
  function loaded() {
    const ready = () => {
      const r = docRoot();
      return r && r.dataset.loaded === "true" && !document.querySelector(".busy") ? r : null;
    };
    const now = ready();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const obs = new MutationObserver(() => {
        const r = ready();
        if (r) { obs.disconnect(); clearTimeout(timer); resolve(r); }
      });
      obs.observe(document.getElementById("main") || document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-loaded"] });
      obs.observe(document.body, { childList: true });
      const timer = setTimeout(() => { obs.disconnect(); reject(new Error("timed out after " + LOAD_WAIT_MS / 1000 + " s waiting for the payload view (data-loaded): " + pageState())); }, LOAD_WAIT_MS);
    });
  }
  // Text the page cut for display (www/js/dom.js clipped(): its start, then a
  // .clip-more note with the full length) matches a payload string when the
  // start is the string's start (at least MIN_CLIP characters of it) and the
  // lengths agree; any other text must equal the string.
  const MIN_CLIP = 300;
  /** What an element shows: its text, or {start, full} for text the page cut. */
  function shown(e) {
    const note = e.querySelector(":scope > .clip-more");
    if (!note) return e.textContent;
    let start = "";
    for (const n of e.childNodes) if (n !== note) start += n.textContent;
    return { start, full: Number(note.dataset.fullLength) };
  }
  function shows(v, text) {
    if (typeof v === "string") return v === text;
    return text.length === v.full && v.start.length >= Math.min(MIN_CLIP, text.length) && v.start.length < text.length && text.startsWith(v.start);
  }
  function seenShows(set, text) {
    if (set.has(text)) return true;
    for (const v of set) if (typeof v !== "string" && shows(v, text)) return true;
    return false;
  }
  const texts = (root, sel) => Array.from(root.querySelectorAll(sel), (e) => e.textContent);
  const AXIS_H = 30, LANE_H = 22;

  function pointer(target, type, x, y) {
    target.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0, buttons: type === "pointerup" ? 0 : 1, pointerId: 1, pointerType: "mouse", isPrimary: true }));
  }
  function key(k) {
    document.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
  }
  function setInput(el, value) {
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }

  /** Hover every lane (names and a sweep across the plot), click every lane (details). */
  async function timelineViews(root, spec, seen, views) {
    const canvas = root.querySelector(tid("timeline-canvas"));
    if (!canvas) return;
    views.timeline++;
    const scroll = canvas.parentElement;
    const tip = root.querySelector(tid("timeline-tooltip"));
    const nLanes = Number(((root.querySelector(tid("lane-count")) || {}).textContent || "0").replace(/[^\d].*$/, "").replace(/,/g, "")) || 0;
    const maxLanes = Math.min(nLanes, spec.maxLanes ?? 200);
    const sweepLanes = Math.min(maxLanes, spec.sweepLanes ?? 40);
    const recordTip = () => {
      if (!tip || tip.hidden) return false;
      views.tooltip++;
      const t = tip.querySelector(".tip-title");
      if (t) seen.tips.add(shown(t));
      for (const e of tip.querySelectorAll(".tip-v, .tip-msg, .tip-sub")) seen.tipTexts.add(shown(e));
      return true;
    };
    for (let p = 0; p < maxLanes; p++) {
      const viewH = canvas.clientHeight - AXIS_H;
      if (p * LANE_H < scroll.scrollTop || (p + 1) * LANE_H > scroll.scrollTop + viewH) {
        scroll.scrollTop = Math.max(0, p * LANE_H - LANE_H);
      }
      const r = canvas.getBoundingClientRect();
      const y = r.top + AXIS_H + p * LANE_H - scroll.scrollTop + LANE_H / 2;
      const cw = canvas.clientWidth;
      const labelW = Math.round(Math.max(130, Math.min(300, cw * 0.24)));
      pointer(canvas, "pointermove", r.left + 20, y);
      recordTip();
      if (p < sweepLanes) {
        // Aim at each marker and span middle (from the core's timeline and the
        // page's fit-to-run view); a point missed (the page changed how it fits)
        // sends the lane to a full sweep.
        const plotX0 = labelW + 1, plotW = Math.max(50, cw - plotX0 - 14);
        const points = spec.aim && spec.aim.lanes[p];
        let missed = !points || !points.length;
        if (!missed) {
          for (const t of points) {
            const x = plotX0 + ((t - spec.aim.v0) / (spec.aim.v1 - spec.aim.v0)) * plotW;
            let hit = false;
            for (const dx of [0, -3, 3]) {
              pointer(canvas, "pointermove", r.left + x + dx, y);
              if (recordTip()) { hit = true; break; }
            }
            if (!hit) missed = true;
          }
        }
        if (missed) {
          views.sweeps++;
          const step = spec.markerLanes && !spec.markerLanes.includes(p) ? spec.spanStep || 50 : 10;
          for (let x = labelW + 2; x < cw - 10; x += step) {
            pointer(canvas, "pointermove", r.left + x, y);
            recordTip();
          }
        }
      }
      // a click on the lane's name opens its details panel
      pointer(canvas, "pointerdown", r.left + 20, y);
      pointer(canvas, "pointerup", r.left + 20, y);
      const det = root.querySelector(tid("details"));
      if (det) {
        views.details++;
        const n = det.querySelector(tid("details-name"));
        if (n) seen.details.add(shown(n));
        for (const e of det.querySelectorAll("dd, .mk-text, .tag")) seen.detailTexts.add(shown(e));
      }
    }
    canvas.dispatchEvent(new PointerEvent("pointerleave", { bubbles: false }));
    // (both scroll smoothly: frames for a while; the deep pass only)
    if (spec.deep) {
      const show = root.querySelector(tid("details-show-events"));
      if (show) { show.click(); views.detailsToEvents++; }
      const jump = root.querySelector(tid("jump-failure"));
      if (jump) { jump.click(); views.jumpFailure++; }
    }
  }

  /**
   * The dependency graph (Both: graph and timeline): the pointer swept over its
   * canvas (tooltips), its keys, its list opened and names clicked (details),
   * the root cause's and the critical path's highlights on and off.
   */
  async function graphViews(root, spec, seen, views) {
    const both = root.querySelector(tid("run-show") + ' [data-show="both"]');
    if (!both) return;
    both.click();
    const g = await until(() => root.querySelector(tid("graph") + "[data-view]") || root.querySelector(".graph-host " + tid("error")), LOAD_WAIT_MS, "the graph");
    if (!g.matches(tid("graph"))) { views.graphError++; return; }
    views.graph++;
    const canvas = g.querySelector(tid("graph-canvas"));
    const tip = g.querySelector(tid("graph-tooltip"));
    const r = canvas.getBoundingClientRect();
    for (let y = 8; y < r.height; y += 22) {
      for (let x = 8; x < r.width; x += 90) {
        pointer(canvas, "pointermove", r.left + x, r.top + y);
        if (!tip.hidden) {
          views.graphTip++;
          const t = tip.querySelector(".tip-title");
          if (t) seen.graphTips.add(shown(t));
          for (const e of tip.querySelectorAll(".tip-v")) seen.graphTips.add(shown(e));
        }
      }
    }
    canvas.dispatchEvent(new PointerEvent("pointerleave", { bubbles: false }));
    canvas.focus();
    for (const k of ["ArrowDown", "ArrowRight", "ArrowUp", "ArrowLeft", "ArrowDown", "Enter", "+", "f"]) {
      canvas.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
      views.graphKeys++;
    }
    const box = g.querySelector(tid("graph-list-box"));
    box.open = true;
    // (the list is built on its toggle event, a task of its own)
    for (let k = 0; k < 100 && !box.querySelector(tid("graph-item")); k++) await sleep(0);
    views.graphList++;
    const names = Array.from(box.querySelectorAll(tid("graph-item-name"))).slice(0, spec.graphClicks ?? 3);
    for (const b of names) {
      b.click();
      views.graphSelect++;
      const n = document.querySelector(tid("details-name"));
      if (n) seen.details.add(shown(n));
    }
    for (const id of ["root-cause-highlight", "critical-toggle"]) {
      const b = root.querySelector(tid(id));
      if (!b || b.hidden) continue;
      b.click();
      views.graphHighlight++;
      for (const s of Array.from(root.querySelectorAll(tid("critical-step") + " .linkbtn")).slice(0, 3)) s.click();
      const again = root.querySelector(tid(id));
      if (again) again.click();
    }
  }

  function recordRows(root, seen) {
    for (const sel of ['[data-testid="event-reason"]', '[data-testid="event-message"]', ".c-el .mono", ".c-type .pill", ".ev-etype"]) {
      for (const t of texts(root, sel)) seen.rows.add(t);
    }
  }

  async function eventsViews(root, spec, seen, views) {
    const ev = root.querySelector(tid("events"));
    if (!ev) return;
    views.events++;
    // the details panel's "Show in events table" (and the hash) may have set filters: clear them
    const clear = Array.from(ev.querySelectorAll("button.linkbtn")).find((b) => b.textContent === "clear filters" && !b.hidden);
    if (clear) clear.click();
    recordRows(root, seen);
    const q = ev.querySelector(tid("events-search"));
    const el = ev.querySelector(tid("events-element"));
    const count = ev.querySelector(tid("events-count"));
    // The table applies typed filters after a debounce: wait until its count changes
    // (at most 400 ms: a filter that leaves the count as it was changes nothing).
    const settle = async (before) => {
      const t0 = performance.now();
      while (count.textContent === before && performance.now() - t0 < 400) await sleep(10);
    };
    // search text and element filter in one debounce window (the table merges them)
    const qs = (spec.search || []).slice();
    if (spec.elementFilter && !qs.length) qs.push("");
    for (let k = 0; k < qs.length; k++) {
      const s = qs[k];
      const before = count.textContent;
      setInput(q, s);
      const withEl = k === 0 && spec.elementFilter;
      if (withEl) setInput(el, spec.elementFilter);
      await settle(before);
      const rows = ev.querySelectorAll(tid("event-row")).length;
      if (s) { views.search++; seen.search.set(s, Math.max(seen.search.get(s) || 0, rows)); }
      if (withEl) { views.elementFilter++; seen.search.set("el:" + spec.elementFilter, rows); }
      recordRows(root, seen);
      if (withEl) setInput(el, "");
    }
    // cleared without waiting: the type filter below re-filters at once, the debounced clear follows
    if (q.value) setInput(q, "");
    if (!spec.deep) return;
    // every event type, then back to all
    const sel = ev.querySelector(tid("events-type"));
    const opts = Array.from(sel.options).map((o) => o.value).slice(0, 40);
    for (const v of opts) {
      sel.value = v;
      sel.dispatchEvent(new Event("change", { bubbles: true }));
      recordRows(root, seen);
      for (const o of sel.options) seen.rows.add(o.textContent);
    }
    if (opts.length) views.typeFilter++;
    sel.value = "";
    sel.dispatchEvent(new Event("change", { bubbles: true }));
    // sorts and languages re-render the rows
    for (const b of Array.from(ev.querySelectorAll(".ev-sort"))) { b.click(); recordRows(root, seen); }
    for (const l of ["zh", "en", "both"]) {
      const b = ev.querySelector('[data-lang="' + l + '"]');
      if (b) { b.click(); recordRows(root, seen); }
    }
    views.sortAndLanguage++;
  }

  function clickAll(root, sel, filter) {
    let n = 0;
    for (const b of Array.from(root.querySelectorAll(sel))) {
      if (filter && !filter(b)) continue;
      b.click();
      n++;
    }
    return n;
  }

  async function rawViews(root, seen, views) {
    const raw = root.querySelector(tid("raw"));
    if (!raw) return;
    if (!raw.open) raw.open = true;
    await until(() => raw.querySelector(tid("raw-tree")) || raw.querySelector(".panel-body p"), LOAD_WAIT_MS, "the raw tree");
    views.raw++;
    const expand3 = Array.from(raw.querySelectorAll(".sec-tools button")).find((b) => b.textContent === "Expand 3 levels");
    if (expand3) expand3.click();
    let total = 0;
    for (let round = 0; round < 12 && total < 6000; round++) {
      let n = clickAll(raw, ".jt-toggle[aria-label='expand']");
      n += clickAll(raw, tid("tree-more"));
      n += clickAll(raw, "button.linkbtn", (b) => /^show all [\d,]+ chars$/.test(b.textContent));
      total += n;
      if (!n) break;
    }
    views.rawNodes += raw.querySelectorAll(".jt-row").length;
  }

  function objectDataViews(root, views) {
    const od = root.querySelector(tid("object-data"));
    if (!od) return;
    views.objectData++;
    // JSON: the tree is shown; "Text" shows the pretty-printed text; long strings in full
    clickAll(od, "button.linkbtn", (b) => /^show all [\d,]+ chars$/.test(b.textContent));
    for (const b of Array.from(od.querySelectorAll("button.btn"))) {
      if (b.textContent === "Text") { b.click(); views.objectDataText++; }
    }
  }

  function warningViews(root, views) {
    const w = root.querySelector(tid("warnings"));
    if (!w) return;
    w.open = true;
    views.warnings++;
    const more = Array.from(w.querySelectorAll(":scope > button.linkbtn")).find((b) => /^Show all/.test(b.textContent));
    if (more) more.click();
    // each path button reveals its path in the raw tree
    let n = 0;
    for (const b of Array.from(w.querySelectorAll(".warn-path"))) {
      if (n++ >= 60) break;
      b.click();
      views.warningPaths++;
    }
  }

  async function compareViews(root, views) {
    const m = root.querySelector(tid("compare-menu"));
    if (!m) return;
    m.open = true;
    await frame();
    const item = await until(() => m.querySelector(tid("compare-item")) || m.querySelector(".menu-empty:only-child"), 10000, "the compare menu").catch(() => null);
    if (item && item.matches(tid("compare-item"))) {
      item.click();
      const shown = await until(() => root.querySelector("#sec-compare, .compare-host > *"), 15000, "the comparison").catch(() => null);
      if (shown) views.compare++;
    }
    m.open = false;
  }

  function check(exp, seen, root) {
    const inDoc = (sel) => Array.from(document.querySelectorAll(sel));
    switch (exp.k) {
      case "text": return inDoc(exp.sel).some((e) => shows(shown(e), exp.text));
      case "attr": return inDoc(exp.sel).some((e) => e.getAttribute(exp.attr) === exp.text);
      case "tip": return seenShows(seen.tips, exp.text);
      case "tipText": return seenShows(seen.tipTexts, exp.text);
      case "graphTip": return seenShows(seen.graphTips, exp.text);
      case "details": return seenShows(seen.details, exp.text);
      case "detailText": return seenShows(seen.detailTexts, exp.text);
      case "row": return seen.rows.has(exp.text);
      case "search": return (seen.search.get(exp.q) || 0) >= (exp.min ?? 1);
      case "jt": return inDoc(exp.scope + " .jt-str, " + exp.scope + " .jt-key").some((e) => e.textContent === exp.text);
      case "excerpt": {
        const lines = new Map();
        for (const l of root.querySelectorAll(".ex-line:not(.ex-caret)")) {
          lines.set(l.querySelector(".ex-n").textContent.trim(), l.querySelector(".ex-t").textContent);
        }
        if (!lines.size) return false;
        for (const [n, t] of lines) {
          const want = exp.lines[Number(n) - 1];
          if (want === undefined) return false;
          if (want.length <= 120 && t !== (want === "" ? " " : want)) return false;
        }
        return true;
      }
      case "warnings": {
        const paths = texts(root, ".warn-path");
        const msgs = texts(root, ".warn-msg");
        const codes = texts(root, ".warn-code");
        if (paths.length !== exp.list.length) return false;
        return exp.list.every((w, i) => paths[i] === w.path && msgs[i] === w.message && codes[i] === w.code);
      }
      default: throw new Error("unknown expectation kind " + exp.k);
    }
  }

  function sample(s) {
    if (s == null) return s;
    return s.length > 160 ? s.slice(0, 160) + "…(" + s.length + " chars)" : s;
  }

  /** Open every view of the active payload and check spec.expect. */
  async function exercise(spec) {
    inj.where = spec.name;
    const root = await loaded();
    const views = { summary: 0, error: 0, warnings: 0, warningPaths: 0, timeline: 0, tooltip: 0, sweeps: 0, details: 0, detailsToEvents: 0,
      jumpFailure: 0, events: 0, search: 0, elementFilter: 0, typeFilter: 0, sortAndLanguage: 0, objectData: 0, objectDataText: 0,
      raw: 0, rawNodes: 0, compare: 0, runs: 0, language: 0, graph: 0, graphError: 0, graphTip: 0, graphKeys: 0, graphList: 0, graphSelect: 0, graphHighlight: 0 };
    const seen = { tips: new Set(), tipTexts: new Set(), details: new Set(), detailTexts: new Set(), rows: new Set(), search: new Map(), graphTips: new Set() };
    const ms = inj.ms || (inj.ms = {});
    let tm = performance.now();
    const lap = (k) => { const t = performance.now(); ms[k] = (ms[k] || 0) + t - tm; tm = t; };
    if (root.querySelector(tid("summary"))) views.summary++;
    if (root.querySelector(tid("error"))) views.error++;
    warningViews(root, views);
    lap("warnings");
    await timelineViews(root, spec, seen, views);
    lap("timeline");
    await eventsViews(root, spec, seen, views);
    lap("events");
    await graphViews(root, spec, seen, views);
    lap("graph");
    objectDataViews(root, views);
    lap("objectData");
    await rawViews(root, seen, views);
    lap("raw");
    if (spec.compare) await compareViews(root, views);
    lap("compare");
    // the three languages of bilingual texts (L), back to both
    if (spec.languages) {
      for (let i = 0; i < 3; i++) { key("l"); views.language++; }
      await frame();
    }
    lap("language");
    const failures = [];
    let skipped = 0;
    for (const exp of spec.expect || []) {
      if (exp.ifView && !root.querySelector(tid(exp.ifView))) { skipped++; continue; }
      let ok;
      try { ok = check(exp, seen, root); } catch (e) { ok = false; exp.error = String(e); }
      if (!ok) failures.push({ field: exp.field, k: exp.k, sel: exp.sel, expected: sample(exp.text ?? exp.q ?? (exp.list ? JSON.stringify(exp.list).slice(0, 200) : "")) });
    }
    // the runs of a workflow history: pick each, its summary and timeline are rebuilt
    if (spec.clickRuns) {
      const n = Math.min(spec.clickRuns === true ? Infinity : spec.clickRuns, root.querySelectorAll(tid("runs") + " tbody tr").length);
      for (let i = 0; i < n; i++) {
        const tr = document.querySelectorAll(tid("runs") + " tbody tr")[i];
        const id = tr.getAttribute("data-run");
        tr.click();
        const r2 = await loaded();
        views.runs++;
        const shown = (r2.querySelector(tid("run-id")) || {}).textContent;
        if (shown !== (id || "(no id)")) failures.push({ field: "workflow.run-picked", k: "text", expected: sample(id), got: sample(shown) });
      }
    }
    lap("checks+runs");
    inj.where = "";
    // (the guard saw every insertion; the full-document scan runs once per page load)
    return { name: spec.name, views, checks: (spec.expect || []).length - skipped, skipped, failures };
  }

  /**
   * Activate each tab in turn and exercise it: a payload tab with the spec of its
   * file (found by name), a joined-run tab (payloads of one run the page joined)
   * with no text expectations.
   */
  inj.walk = async (specs) => {
    const out = [];
    const byName = new Map(specs.map((s) => [s.fileName, s]));
    const n = document.querySelectorAll(tid("tab")).length;
    const found = new Set();
    for (let i = 0; i < n; i++) {
      const tabs = document.querySelectorAll(tid("tab"));
      if (!tabs[i]) break;
      const kind = tabs[i].dataset.kind || "payload";
      const name = (tabs[i].querySelector(".tab-name") || {}).textContent;
      const spec = kind === "join" ? { name: "joined: " + name, expect: [], maxLanes: 40, sweepLanes: 6, search: [] } : byName.get(name);
      if (!spec) { out.push({ name, failures: [{ field: "tab", k: "tab", expected: "a file named " + name }], views: {}, checks: 0, violations: 0 }); continue; }
      if (kind !== "join") found.add(name);
      const t0 = performance.now();
      tabs[i].querySelector(".tab-main").click();
      await loaded();
      const ms = inj.ms || (inj.ms = {});
      ms.activate = (ms.activate || 0) + performance.now() - t0;
      try {
        const r = await exercise(spec);
        r.kind = kind;
        r.ms = Math.round(performance.now() - t0);
        // the document head shows the file name exactly (the tab did, it was found by it)
        const head = document.querySelector(".doc-name");
        if (kind !== "join" && (!head || head.textContent !== spec.fileName)) {
          r.failures.push({ field: "file name (doc head)", k: "text", expected: sample(spec.fileName), got: sample(head && head.textContent) });
        }
        out.push(r);
      } catch (e) {
        out.push({ name: spec.name, failures: [{ field: "driver", k: "error", expected: String(e && e.stack || e) }], views: {}, checks: 0, violations: 0 });
      }
    }
    for (const s of specs) {
      if (!found.has(s.fileName)) out.push({ name: s.name, failures: [{ field: "file name (tab)", k: "tab", expected: "a tab named exactly " + sample(s.fileName) }], views: {}, checks: 0, violations: 0 });
    }
    return out;
  };

  /** Exercise every joined-run tab (the page joins payloads of one run). */
  inj.walkJoined = async () => {
    const out = [];
    const n = document.querySelectorAll(tid("tab")).length;
    for (let i = 0; i < n; i++) {
      const tab = document.querySelectorAll(tid("tab"))[i];
      if (!tab || tab.dataset.kind !== "join") continue;
      tab.querySelector(".tab-main").click();
      const r = await exercise({ name: "joined: " + (tab.querySelector(".tab-name") || {}).textContent, expect: [], maxLanes: 40, sweepLanes: 6, search: ["a"], deep: true });
      r.kind = "join";
      out.push(r);
    }
    return out;
  };

  inj.exercise = exercise;
  inj.loaded = loaded;
})();
