#!/usr/bin/env node
// Measures the page on large payloads (the numbers in www/README.md, "Speed"):
//
//   cd tests/page && node measure.mjs [--big FILE] [--sizes 10000,100000,1000000] [--rounds N] [--main]
//                                     [--cycles N] [--parts open,memory,frames]
//
//   1. Opening a ~100 MB execution-events file (bench/gen.mjs execution-events 200000 1,
//      generated into a temp file unless --big names one): time from choosing it to the
//      summary painted, to the first timeline frame painted and to everything loaded;
//      every main-thread long task (PerformanceObserver "longtask", > 50 ms) meanwhile.
//      --main also measures the main-thread engine (?engine=main) for comparison.
//   3. Memory over open/close cycles: the browser's memory (the PSS of every
//      process this script started, summed from /proc, after a full GC of the page) before the first open, with the ~100 MB
//      list open, and after its tab is closed, for --cycles N cycles (default 6),
//      with the worker recycled once nothing is open (data/client.js
//      Engine.recycle) and without (?recycle=off), side by side.
//   2. Frame time of the frame-drawn timeline (?timeline=frames) at 10k / 100k / 1M
//      spans (AOS executions with one span per element): for zoom, pan and scroll
//      steps, the round trip from asking to drawing (worker frame + hand-over + draw),
//      the worker's frame() alone and the main-thread draw; median and p95.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { launch, serve, tmpDir, ROOT } from "./harness.mjs";

function arg(name, def) {
  const i = process.argv.indexOf("--" + name);
  return i < 0 ? def : process.argv[i + 1];
}
const sizes = arg("sizes", "10000,100000,1000000").split(",").map(Number).filter(Boolean);
const rounds = Number(arg("rounds", "1"));
const alsoMain = process.argv.includes("--main");
const cycles = Number(arg("cycles", "6"));
const parts = new Set(arg("parts", "open,memory,frames").split(","));

/** The proportional resident memory (PSS) of every process descended from this one (the browser's), in bytes. */
function treeRss() {
  const kids = new Map();
  const rss = new Map();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      // PSS: shared pages (the browser's code in every process) counted once, split between their processes.
      let m = null;
      try { m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${d}/smaps_rollup`, "utf8")); } catch (_) { m = null; }
      rss.set(Number(d), m ? Number(m[1]) * 1024 : 0);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(d));
    } catch (_) { /* gone meanwhile */ }
  }
  let sum = 0;
  const todo = [...(kids.get(process.pid) || [])];
  while (todo.length) { const p = todo.pop(); sum += rss.get(p) || 0; todo.push(...(kids.get(p) || [])); }
  return sum;
}

/** Open the big list and close its tab, `cycles` times, in one page; RSS at each step (MiB). */
async function memoryCycles(query) {
  const { ctx, page, errors } = await newPage(query);
  const cdp = await ctx.newCDPSession(page);
  // A full GC of the page first (the closed tab's objects are garbage; V8 would collect them later anyway).
  const mib = async () => { await cdp.send("HeapProfiler.collectGarbage").catch(() => {}); await page.waitForTimeout(300); return Math.round(treeRss() / 1048576); };
  const heap = () => page.evaluate(() => Math.round((/** @type {any} */ (performance).memory?.usedJSHeapSize || 0) / 1048576));
  await page.waitForTimeout(1000);
  const before = await mib();
  const heap0 = await heap();
  const rows = [];
  for (let c = 0; c < cycles; c++) {
    await page.setInputFiles('[data-testid="file-input"]', big);
    // A boolean, not the element: a JSHandle to the element would keep the closed view alive.
    await page.waitForFunction(() => !!document.querySelector('[data-testid="doc"][data-loaded="true"]'), null, { timeout: 600000, polling: 100 });
    const open = await mib();
    await page.keyboard.press("x");
    await page.waitForFunction((n) => !document.querySelector('[data-testid="doc"]') && (n < 0 || Number(document.documentElement.dataset.engineRestarts || 0) >= n),
      query.includes("recycle=off") ? -1 : c + 1, { timeout: 60000 }).catch(() => {});
    await page.waitForTimeout(1500);
    rows.push({ open, closed: await mib(), heap: await heap() });
  }
  const restarts = await page.evaluate(() => document.documentElement.dataset.engineRestarts || "0");
  await ctx.close();
  return { before, heap0, rows, restarts, errors };
}


const dir = tmpDir("measure");
let big = arg("big", null);
if (!big) {
  big = path.join(dir, "events-200k.json");
  fs.writeFileSync(big, execFileSync(process.execPath, [path.join(ROOT, "bench", "gen.mjs"), "execution-events", "200000", "1"], { maxBuffer: 1 << 30 }));
}

/** An AOS execution with n elements, one span each, spread over ~14 hours. */
function aos(n) {
  const t0 = Date.parse("2024-03-14T08:00:00Z");
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
  const parts = [];
  for (let i = 0; i < n; i++) {
    const start = t0 + (i % 50000) * 1000;
    parts.push(JSON.stringify("el-" + i) + ":" + JSON.stringify({
      phase: i % 997 === 0 ? "Failed" : i % 13 === 0 ? "Running" : "Succeeded",
      createAt: i % 3 ? iso(start) : undefined,
      updateAt: iso(start + 5000 + (i % 7) * 60000),
    }));
  }
  return '{"kind":"Execution","apiVersion":"paas/v1alpha1","metadata":{"name":"m-' + n + '","creationTimestamp":"' + iso(t0) +
    '"},"spec":{"actionName":"create"},"status":{"progress":50,"objectStatus":{"phase":"Running","updateAt":"' + iso(t0 + 50000000) +
    '"},"subObjectStatuses":{' + parts.join(",") + "}}}";
}

const pct = (xs, p) => { const s = xs.slice().sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN; };
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : "—");

const server = await serve();
const browser = await launch();

async function newPage(query) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 950 }, locale: "en-US" });
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ start: e.startTime, dur: e.duration }); })
      .observe({ type: "longtask", buffered: true });
  });
  await page.goto(server.url + (query || ""));
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 60000 });
  return { ctx, page, errors };
}

async function openBig(query) {
  const { ctx, page, errors } = await newPage(query);
  const t0 = await page.evaluate(() => { window.__long = []; return performance.now(); });
  await page.setInputFiles('[data-testid="file-input"]', big);
  const at = (fn, poll) => page.waitForFunction(fn, null, { timeout: 600000, polling: poll || 16 }).then((h) => h.jsonValue());
  const summary = await at(() => document.querySelector('[data-testid="summary"]') && performance.now());
  const timeline = await at(() => { const c = document.querySelector('[data-testid="timeline-canvas"]'); return c && Number(c.dataset.drawn) > 0 && performance.now(); });
  const loaded = await at(() => document.querySelector('[data-testid="doc"][data-loaded="true"]') && document.querySelector('[data-testid="events-count"]') && performance.now(), 50);
  const long = await page.evaluate(() => window.__long);
  const engine = await page.evaluate(() => document.documentElement.dataset.engine);
  await ctx.close();
  return { engine, summary: summary - t0, timeline: timeline - t0, loaded: loaded - t0, long: long.map((l) => Math.round(l.dur)), errors };
}

async function frames(n) {
  const file = path.join(dir, "aos-" + n + ".json");
  fs.writeFileSync(file, aos(n));
  const { ctx, page, errors } = await newPage("?timeline=frames");
  await page.setInputFiles('[data-testid="file-input"]', file);
  await page.waitForFunction(() => document.querySelector('[data-testid="doc"][data-loaded="true"]'), null, { timeout: 600000, polling: 100 });
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="timeline-canvas"]').dataset.drawn) > 0, null, { timeout: 120000 });
  await page.locator('[data-testid="timeline-canvas"]').focus();
  const out = { roundTrip: [], compute: [], draw: [], scrolled: [] };
  const steps = ["w", "w", "w", "d", "d", "a", "s", "w", "d", "s", "s", "a", "w", "d", "w", "s", "a", "d", "s", "f"];
  for (const key of steps) {
    // A step the last frame still covers (it has margins) asks for none: only the others count.
    const asked = Number(await page.locator('[data-testid="timeline-canvas"]').getAttribute("data-asked"));
    await page.keyboard.press(key);
    await page.waitForTimeout(20);
    const now = Number(await page.locator('[data-testid="timeline-canvas"]').getAttribute("data-asked"));
    if (now === asked) continue;
    const ok = await page.waitForFunction((a) => Number(document.querySelector('[data-testid="timeline-canvas"]').dataset.drawn) >= a, now, { timeout: 60000 }).then(() => true, () => false);
    if (!ok) continue;
    const d = await page.evaluate(() => ({ ...document.querySelector('[data-testid="timeline-canvas"]').dataset }));
    out.roundTrip.push(Number(d.roundTrip)); out.compute.push(Number(d.compute)); out.draw.push(Number(d.draw));
  }
  // Scrolling far: the last frame is drawn shifted at once, the new one follows.
  for (let k = 0; k < 10; k++) {
    const ms = await page.evaluate(async (k) => {
      const c = document.querySelector('[data-testid="timeline-canvas"]');
      const s = c.parentElement;
      const t = performance.now();
      s.scrollTop = Math.round((s.scrollHeight - s.clientHeight) * (k % 2 ? 0.9 - k * 0.04 : 0.05 + k * 0.05));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const asked = Number(c.dataset.asked);
      while (Number(c.dataset.drawn) < asked && performance.now() - t < 20000) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t;
    }, k);
    out.scrolled.push(ms);
  }
  const lanes = await page.locator('[data-testid="lane-count"]').textContent();
  await ctx.close();
  fs.rmSync(file, { force: true });
  return { n, lanes, ...out, errors };
}

try {
  console.log("# open " + path.basename(big) + " (" + (fs.statSync(big).size / 1048576).toFixed(1) + " MiB)");
  for (let r = 0; r < (parts.has("open") ? rounds : 0); r++) {
    for (const q of alsoMain ? ["", "?engine=main"] : [""]) {
      const m = await openBig(q);
      console.log(`engine=${m.engine}: summary ${Math.round(m.summary)} ms, first timeline frame ${Math.round(m.timeline)} ms, loaded ${Math.round(m.loaded)} ms; ` +
        `long tasks: ${m.long.length ? m.long.join(", ") + " ms" : "none"}` + (m.errors.length ? "; errors: " + m.errors.join(" | ") : ""));
    }
  }
  console.log("# browser memory (PSS of its processes) over " + cycles + " open/close cycles (MiB: open → closed)");
  for (const q of parts.has("memory") ? ["", "?recycle=off"] : []) {
    const m = await memoryCycles(q);
    console.log(`${q ? "worker kept (?recycle=off)" : "worker recycled"}: before ${m.before}; ` + m.rows.map((r) => `${r.open} → ${r.closed}`).join(", ") + `; the page's JS heap ${m.heap0} → ` + m.rows.map((r) => r.heap).join(", ") +
      `; after the last close ${m.rows.length ? m.rows[m.rows.length - 1].closed - m.before : 0} MiB above before; restarts ${m.restarts}` + (m.errors.length ? "; errors: " + m.errors.join(" | ") : ""));
  }
  console.log("# frame-drawn timeline (ms: median / p95)");
  for (const n of parts.has("frames") ? sizes : []) {
    const m = await frames(n);
    console.log(`${n.toLocaleString("en-US")} spans (${m.lanes}): round trip ${f1(pct(m.roundTrip, 0.5))} / ${f1(pct(m.roundTrip, 0.95))}, ` +
      `worker frame() ${f1(pct(m.compute, 0.5))} / ${f1(pct(m.compute, 0.95))}, draw ${f1(pct(m.draw, 0.5))} / ${f1(pct(m.draw, 0.95))}, ` +
      `far scroll to new frame ${f1(pct(m.scrolled, 0.5))} / ${f1(pct(m.scrolled, 0.95))}` + (m.errors.length ? "; errors: " + m.errors.join(" | ") : ""));
  }
} finally {
  await browser.close();
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
