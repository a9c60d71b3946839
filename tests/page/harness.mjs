// The page suite's set-up: what both browser suites share comes from
// tests/shared/browser.mjs (paths, Chromium, the served www/, the single file);
// here, this suite's pages and payloads.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import * as shared from "../shared/browser.mjs";

export const ROOT = shared.ROOT;
export const SAMPLES = path.join(ROOT, "samples");
export const { chromiumPath, pkgDir } = shared;

export const tmpDir = (/** @type {string} */ name) => shared.tmpDir("execscope-", name);
/** The CSS selector of the element with this data-testid. */
export const tid = (/** @type {string} */ id) => `[data-testid="${id}"]`;
export const launch = () => shared.launch(chromium);

/** Serve a copy of www/ (with the package as www/pkg) and samples/. */
export const serve = () => shared.serve({ www: path.join(ROOT, "www"), samples: SAMPLES, prefix: "execscope-" });

/** The browser and the server of useBrowser() (live bindings: set before the tests run). @type {import("playwright-core").Browser} */
export let browser;
/** @type {{url: string, close(): void}} */
export let server;

/**
 * Start the served page and Chromium before the tests of this file (or of the
 * describe() it is called in), close both after them; the tests read `browser`
 * and `server` from this module.
 */
export function useBrowser() {
  before(async () => {
    server = await serve();
    browser = await launch();
  });
  after(async () => {
    if (browser) await browser.close();
    if (server) server.close();
  });
}

/** The built package (pkg/) in Node, initialised synchronously: the core's own answers to compare the page with. */
export async function loadCore() {
  const core = await import(pathToFileURL(path.join(pkgDir(), "execscope.js")).href);
  core.initSync({ module: fs.readFileSync(path.join(pkgDir(), "execscope_bg.wasm")) });
  return core;
}

/** Build dist/execscope.html into a temporary file; returns its path. */
export const buildDist = () => shared.buildDist({ scripts: path.join(ROOT, "scripts"), samples: SAMPLES, prefix: "execscope-" }).file;

/**
 * A new page at `url`, waiting until the app is ready (opts: width, height,
 * colorScheme, locale — the browser's language, default en-US). Collects page errors,
 * console errors, dialogs (alert() must never run) and any request that leaves
 * the origin.
 */
export async function openPage(browser, url, opts = {}) {
  const ctx = await browser.newContext({
    viewport: { width: opts.width || 1400, height: opts.height || 950 },
    colorScheme: opts.colorScheme || "light",
    // The browser's language: the page's interface follows it (English unless a test asks for another).
    locale: opts.locale || "en-US",
    reducedMotion: opts.reducedMotion || "no-preference",
    acceptDownloads: true,
  });
  const page = await ctx.newPage();
  const origin = url.startsWith("file:") ? "file:" : new URL(url).origin;
  const seen = { errors: [], external: [], dialogs: [], requests: [] };
  page.on("pageerror", (e) => seen.errors.push("pageerror: " + e.message));
  page.on("console", (m) => { if (m.type() === "error") seen.errors.push("console: " + m.text()); });
  page.on("dialog", (d) => { seen.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on("request", (r) => {
    const u = r.url();
    seen.requests.push(u);
    if (!(u.startsWith(origin) || u.startsWith("data:") || u.startsWith("blob:"))) seen.external.push(u);
  });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 60000 });
  return { page, ctx, seen };
}

/** Wait until the active payload's view has drawn everything it queued. */
export async function loaded(page) {
  await page.waitForSelector('[data-testid="doc"][data-loaded="true"]', { timeout: 120000 });
}

/** Execution events: n events over `elements` elements, some Warnings and failures. */
export function bigEvents(n, elements) {
  const t0 = Date.parse("2024-03-14T08:00:00Z");
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
  const out = [];
  for (let i = 0; i < n; i++) {
    const el = "job-" + (i % elements);
    const k = i % 3;
    const fail = i % 50 === 2;
    const t = iso(t0 + i * 250);
    out.push({
      metadata: { name: "big." + i }, involvedObject: { name: "gcs-exec-big" },
      reason: k === 0 ? "启动##ActionStart" : fail ? "执行失败##FailedFinish" : k === 1 ? "执行成功##SuccessfulFinish" : "等待##Waiting",
      message: "元素(" + el + ")事件" + i + " ## Element(" + el + ") event " + i,
      firstTimestamp: t, lastTimestamp: t, count: i % 7 === 0 ? 5 : 1,
      type: fail ? "Warning" : "Normal", elemType: "KubeDAG.job", elemId: el, actionName: "create",
    });
  }
  return JSON.stringify(out);
}

/** An AOS execution with n sub-objects. */
export function bigAos(n) {
  const t0 = Date.parse("2024-03-14T08:00:00Z");
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
  const subs = {};
  for (let i = 0; i < n; i++) subs["el-" + i] = { phase: i % 997 === 0 ? "Failed" : "Succeeded", updateAt: iso(t0 + (i % 5000) * 1000) };
  return JSON.stringify({
    kind: "Execution", apiVersion: "paas/v1alpha1",
    metadata: { name: "huge", uid: "huge-1", creationTimestamp: iso(t0) },
    spec: { actionName: "create", timeoutInMinutes: 60, objectData: "*****" },
    status: { actionName: "create", progress: 99, objectStatus: { phase: "Failed", updateAt: iso(t0 + 5000000) }, subObjectStatuses: subs },
  });
}
