// The passes of the injection suite: open every payload file through the file
// input, exercise every view in the page (guard.js), record every request.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { pkgDir, pageTags, FORBIDDEN_TAGS, stripCsp, SAMPLES } from "./harness.mjs";

const HERE = path.dirname(new URL(import.meta.url).pathname);
const GUARD = fs.readFileSync(path.join(HERE, "guard.js"), "utf8");

/** The core in Node (same package as the page): expected warnings and error messages. */
export async function loadCore() {
  const dir = pkgDir();
  const m = await import(pathToFileURL(path.join(dir, "execscope.js")).href);
  await m.default({ module_or_path: fs.readFileSync(path.join(dir, "execscope_bg.wasm")) });
  return m;
}

/** Paths the served page may request: its own files (the served copy of www/) and /samples/index.json. */
export function ownPaths(root) {
  const out = new Set(["/", "/samples/index.json"]);
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.add("/" + path.relative(root, p).split(path.sep).join("/"));
    }
  };
  walk(root);
  return out;
}

const isLocal = (u) => u.startsWith("data:") || u.startsWith("blob:");

/**
 * A pass: {id, kind: "served"|"dist", url, noCsp, root (served copy), distFile}.
 * Returns a Pass object that opens pages and checks requests.
 */
export async function openPass(browser, pass) {
  // 1024x720: the timeline and tables are laid out as on a laptop; a smaller raster than the page tests' 1400x950 keeps software rendering cheap
  // en-US: the page's interface follows the browser's language, and the expectations quote its English words
  const ctx = await browser.newContext({ viewport: { width: 1024, height: 720 }, colorScheme: "light", acceptDownloads: false, locale: "en-US" });
  const cfg = { allowedTags: pageTags(), forbiddenTags: FORBIDDEN_TAGS };
  await ctx.addInitScript({ content: "window.__INJ_CONFIG = " + JSON.stringify(cfg) + ";\n" + GUARD });
  const page = await ctx.newPage();
  const st = {
    id: pass.id, label: "start", errors: [], dialogs: [], requests: { pw: [], cdp: [], workers: [] },
    violations: [], failures: [], views: {}, checks: 0, files: 0, elementsScanned: 0, loads: 0, allowSamples: new Map(),
    badRequests: [], localRequests: 0,
  };
  page.on("pageerror", (e) => st.errors.push({ at: st.label, what: "pageerror: " + e.message }));
  page.on("console", (m) => { if (m.type() === "error" && st.label !== "self-test") st.errors.push({ at: st.label, what: "console: " + m.text() }); });
  page.on("dialog", (d) => { st.dialogs.push({ at: st.label, what: d.type() + ": " + d.message() }); d.dismiss().catch(() => {}); });
  page.on("request", (r) => st.requests.pw.push({ at: st.label, url: r.url() }));
  page.on("worker", (w) => st.requests.workers.push({ at: st.label, url: w.url() }));
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Network.enable");
  cdp.on("Network.requestWillBeSent", (e) => st.requests.cdp.push({ at: st.label, url: e.request.url, type: e.type }));
  // The page reads payloads in a Web Worker: attach to every worker (paused at start,
  // so that not even its first request is missed) and log its network too.
  let msgId = 0;
  const toTarget = (sessionId, method, params = {}) =>
    cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id: ++msgId, method, params }) }).catch(() => {});
  cdp.on("Target.attachedToTarget", async (e) => {
    st.requests.cdpTargets = (st.requests.cdpTargets || 0) + 1;
    await toTarget(e.sessionId, "Network.enable");
    await toTarget(e.sessionId, "Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    await toTarget(e.sessionId, "Runtime.runIfWaitingForDebugger");
  });
  cdp.on("Target.receivedMessageFromTarget", (e) => {
    let m;
    try { m = JSON.parse(e.message); } catch (_) { return; }
    if (m.method === "Network.requestWillBeSent") st.requests.cdp.push({ at: st.label, url: m.params.request.url, type: m.params.type, worker: true });
  });
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  if (pass.noCsp && pass.kind === "served") {
    const origin = new URL(pass.url).origin;
    await page.route((u) => u.origin === origin && (u.pathname === "/" || u.pathname.endsWith(".html")), async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: stripCsp(await res.text()) });
    });
  }
  const own = pass.kind === "served" ? ownPaths(pass.root) : null;
  const fileUrl = pass.kind === "dist" ? pathToFileURL(pass.distFile).href : null;
  const replayUrl = pass.kind === "dist" ? pathToFileURL(path.join(path.dirname(pass.distFile), "execscope-replay.html")).href : pass.url + "replay.html";
  const pollingFiles = (() => {
    try {
      const idx = JSON.parse(fs.readFileSync(path.join(SAMPLES, "polling", "index.json"), "utf8"));
      return ["/samples/polling/index.json", ...idx.flatMap((s) => s.snapshots.map((f) => "/samples/polling/" + f))];
    } catch (_) { return []; }
  })();

  /** Checks every request recorded so far against what the page may fetch. */
  function checkRequests() {
    const seen = [...st.requests.pw.map((r) => ({ ...r, via: "page.on(request)" })), ...st.requests.cdp.map((r) => ({ ...r, via: "CDP Network.requestWillBeSent" })),
      ...st.requests.workers.map((r) => ({ ...r, via: "worker" }))];
    st.badRequests = [];
    st.localRequests = 0;
    for (const r of seen) {
      if (isLocal(r.url)) { st.localRequests++; continue; }
      let ok = false;
      if (pass.kind === "served") {
        let u = null;
        try { u = new URL(r.url); } catch (_) { u = null; }
        if (u && u.origin === new URL(pass.url).origin && u.search === "") {
          if (own.has(u.pathname)) ok = true;
          else if (u.pathname.startsWith("/samples/") && (st.allowSamples.get(r.at) || new Set()).has(u.pathname)) ok = true;
        }
      } else {
        ok = [fileUrl, replayUrl].includes(r.url.replace(/#.*$/, ""));
      }
      if (!ok) st.badRequests.push(r);
    }
    return st.badRequests;
  }

  async function load(hash = "", url = null) {
    st.loads++;
    await page.goto((url || (pass.kind === "served" ? pass.url : fileUrl)) + hash, { waitUntil: "domcontentloaded", timeout: 120000 });
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 120000 });
    const csp = await page.evaluate(() => document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]').length);
    if (pass.noCsp ? csp !== 0 : csp !== 1) throw new Error(pass.id + ": expected " + (pass.noCsp ? "no" : "one") + " CSP meta tag, found " + csp);
  }

  function addViews(v) {
    for (const [k, n] of Object.entries(v || {})) st.views[k] = (st.views[k] || 0) + n;
  }

  async function collect(results) {
    for (const r of results) {
      if (r.kind === "join") st.joined = (st.joined || 0) + 1;
      else st.files++;
      st.checks += r.checks || 0;
      st.skipped = (st.skipped || 0) + (r.skipped || 0);
      addViews(r.views);
      for (const f of r.failures || []) st.failures.push({ file: r.name, ...f });
    }
    const scan = await page.evaluate(() => { const s = window.__inj.finalScan(); return { s, v: window.__inj.violations, n: window.__inj.violationCount, scanned: window.__inj.scanned }; });
    st.elementsScanned += scan.scanned;
    for (const v of scan.v) st.violations.push(v);
    if (scan.n > scan.v.length) st.violations.push({ kind: "more", detail: scan.n - scan.v.length + " more violations not listed" });
  }

  /** Open files through the file input (tabs), exercise each. */
  async function runFiles(files, label) {
    st.label = label;
    await load();
    await page.setInputFiles('[data-testid="file-input"]', files.map((f) => ({ name: f.name, mimeType: "application/json", buffer: Buffer.from(f.text, "utf8") })));
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="tab"][data-kind="payload"]').length === n && !document.querySelector(".busy"), files.length, { timeout: 120000 });
    const results = await page.evaluate((specs) => window.__inj.walk(specs), files.map((f) => f.spec));
    if (process.env.INJ_TIMES) for (const r of results) console.log("tab", r.ms, JSON.stringify(r.name).slice(0, 60));
    await collect(results);
  }

  /** Open every sample the way a user does (the samples menu), in one page load; exercise each, then any joined run. */
  async function runSamples(files) {
    st.label = "samples";
    st.allowSamples.set(st.label, new Set(files.map((f) => "/samples/" + f)));
    await load();
    const results = [];
    for (const file of files) {
      await page.click('[data-testid="samples-menu"] > summary');
      await page.click('[data-testid="sample-item"][data-file="' + file + '"]');
      await page.waitForFunction((f) => {
        const tab = document.querySelector('[data-testid="tab"].on');
        return tab && document.querySelector('[data-testid="doc"][data-loaded="true"]') && !document.querySelector(".busy") && f;
      }, file, { timeout: 120000 });
      results.push(await page.evaluate((name) => window.__inj.exercise({ name, expect: [], search: ["a"], maxLanes: 60, sweepLanes: 20, deep: true, compare: true, languages: true }), "sample " + file));
    }
    results.push(...(await page.evaluate(() => window.__inj.walkJoined())));
    await collect(results);
  }

  /**
   * URL hashes carrying payloads (the view state lives in the hash; a link can set
   * it): one load with a sample open, then each hash applied through hashchange;
   * and one load whose s= names samples that try to leave /samples/ or the origin.
   */
  async function runHashes(cases, badNames) {
    st.label = "hash";
    st.allowSamples.set(st.label, new Set(["/samples/hostile-markup.json"]));
    await load("#s=hostile-markup.json");
    const results = [];
    for (const c of cases) {
      await page.evaluate((h) => { location.hash = h; }, c.hash);
      results.push(await page.evaluate((name) => window.__inj.exercise({ name, expect: [], search: [], maxLanes: 20, sweepLanes: 4 }), c.label));
    }
    await collect(results);
    st.label = "hash s=";
    st.allowSamples.set(st.label, new Set(badNames.filter((n) => /^[\w.-]+$/.test(n)).map((n) => "/samples/" + n)));
    await load("#s=" + badNames.map(encodeURIComponent).join(","));
    await page.waitForTimeout(300);
    const r = await page.evaluate(() => (document.querySelector('[data-testid="doc"]') ? window.__inj.exercise({ name: "hash s=", expect: [], search: [] }) : { name: "hash s=", views: {}, checks: 0, failures: [] }));
    await collect([r]);
  }

  /** Paste (the paste panel, the other way in than the file input): each text opens as "pasted N". */
  async function runPaste(files) {
    st.label = "paste";
    await load();
    const results = [];
    for (const [k, f] of files.entries()) {
      await page.click('[data-testid="paste-toggle"]');
      await page.fill('[data-testid="paste-input"]', f.text);
      await page.click('[data-testid="paste-open"]');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="tab"][data-kind="payload"]').length === n, k + 1, { timeout: 60000 });
      const spec = { ...f.spec, name: "pasted: " + f.name, fileName: null };
      results.push(await page.evaluate((sp) => window.__inj.exercise(sp), spec));
    }
    await collect(results);
  }

  /**
   * The polling replay page (replay.html / execscope-replay.html) shows only its
   * recorded series; its one input is the hash. Hostile hash values, then every
   * snapshot stepped through.
   */
  async function runReplay(hash) {
    st.label = "replay";
    st.allowSamples.set(st.label, new Set(pollingFiles));
    await load(hash, replayUrl);
    const r = await page.evaluate(async () => {
      const views = { replay: 1, replaySteps: 0 };
      for (let k = 0; k < 12; k++) {
        document.dispatchEvent(new KeyboardEvent("keydown", { key: "n", bubbles: true, cancelable: true }));
        views.replaySteps++;
        await new Promise((res) => setTimeout(res, 60));
      }
      return { name: "replay", views, checks: 0, failures: [] };
    });
    await page.waitForLoadState("networkidle"); // the steps' fetches belong to this case
    await collect([r]);
  }

  /**
   * The detectors work: an inline script must run only without the CSP, and markup
   * injected on purpose must be caught by the guard (and, without the CSP, show up
   * as a dialog and a request). Run last: it pollutes the page.
   */
  async function selfTest() {
    st.label = "self-test";
    await load();
    const before = { dialogs: st.dialogs.length, pw: st.requests.pw.length, cdp: st.requests.cdp.length };
    const out = await page.evaluate(async () => {
      const s = document.createElement("script");
      s.textContent = "window.__cspProbe = 1";
      document.head.appendChild(s);
      const ran = window.__cspProbe === 1;
      const v0 = window.__inj.violationCount;
      document.body.insertAdjacentHTML("beforeend", '<img src="http://canary.invalid/self-test.png" onerror="alert(\'self-test\')">');
      await new Promise((r) => setTimeout(r, 600));
      return { inlineScriptRan: ran, guardCaught: window.__inj.violationCount - v0 };
    });
    // Without the CSP the image's error (a name that does not resolve) fires the handler; how soon
    // depends on the resolver and the machine's load, so wait for it (up to 15 s) rather than a fixed time.
    if (pass.noCsp) for (let waited = 0; waited < 15000 && st.dialogs.length <= before.dialogs; waited += 100) await page.waitForTimeout(100);
    else await page.waitForTimeout(200);
    out.dialog = st.dialogs.length > before.dialogs;
    out.requestPw = st.requests.pw.slice(before.pw).some((r) => r.url.includes("canary.invalid"));
    out.requestCdp = st.requests.cdp.slice(before.cdp).some((r) => r.url.includes("canary.invalid"));
    // what the self-test did is not a finding of the suite
    st.dialogs.length = before.dialogs;
    st.requests.pw.length = before.pw;
    st.requests.cdp.length = before.cdp;
    st.errors = st.errors.filter((e) => e.at !== "self-test");
    return out;
  }

  return { st, page, ctx, load, runFiles, runSamples, runHashes, runReplay, runPaste, selfTest, checkRequests, close: () => ctx.close() };
}

export function samplesIndex() {
  return JSON.parse(fs.readFileSync(path.join(SAMPLES, "index.json"), "utf8")).map((s) => s.file);
}

/** The records of several pages of one pass, as one. */
export function mergeStats(list) {
  const out = {
    id: list[0].id, errors: [], dialogs: [], requests: { pw: [], cdp: [], workers: [], cdpTargets: 0 }, violations: [], failures: [], views: {},
    checks: 0, skipped: 0, files: 0, joined: 0, elementsScanned: 0, loads: 0, badRequests: [], localRequests: 0,
  };
  for (const st of list) {
    for (const k of ["errors", "dialogs", "violations", "failures", "badRequests"]) out[k].push(...st[k]);
    for (const k of ["pw", "cdp", "workers"]) out.requests[k].push(...st.requests[k]);
    out.requests.cdpTargets += st.requests.cdpTargets || 0;
    for (const k of ["checks", "skipped", "files", "joined", "elementsScanned", "loads", "localRequests"]) out[k] += st[k] || 0;
    for (const [k, n] of Object.entries(st.views)) out.views[k] = (out.views[k] || 0) + n;
  }
  return out;
}
