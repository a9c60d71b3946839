// The single-file build (scripts/build-dist.mjs): one HTML file that works from
// file:// with no network.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, buildDist, openPage, loaded, SAMPLES, tid } from "./harness.mjs";

let browser;
let file;

before(async () => {
  file = buildDist();
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

describe("dist/execscope.html", () => {
  it("is one file: no src/href to other files, hashed CSP, connect-src 'none'", () => {
    const html = fs.readFileSync(file, "utf8");
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith("data:"));
    assert.deepEqual(refs, []);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)[1];
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
    assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.match(csp, /connect-src 'none'/);
    assert.match(csp, /worker-src blob:/);
    assert.equal((html.match(/<script type="module">/g) || []).length, 1);
    const replay = fs.readFileSync(path.join(path.dirname(file), "execscope-replay.html"), "utf8");
    assert.deepEqual([...replay.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith("data:")), []);
  });

  it("works from file:// with no request at all, samples inlined", async () => {
    const url = pathToFileURL(file).href;
    const { page, ctx, seen } = await openPage(browser, url);
    await page.waitForSelector(tid("sample-card"));
    const index = JSON.parse(fs.readFileSync(path.join(SAMPLES, "index.json"), "utf8"));
    assert.ok(await page.locator(tid("sample-card")).count() >= Math.min(index.length, 1));
    await page.click(tid("sample-card") + '[data-file="aos-upgrade-failed-events.json"]');
    await loaded(page);
    assert.equal(await page.locator(tid("format")).textContent(), "Execution events");
    assert.equal(await page.locator(tid("events-count")).textContent(), "61 events");
    await page.click(tid("jump-failure"));
    await page.waitForSelector(tid("details"));
    assert.deepEqual(seen.errors, [], "no error (a CSP violation would be one)");
    assert.deepEqual(seen.dialogs, []);
    assert.deepEqual(seen.requests.filter((u) => u !== url && !u.startsWith("data:") && !u.startsWith("blob:")), [], "nothing is fetched");
    await page.waitForFunction(() => location.hash.includes("s=aos-upgrade-failed-events.json"));
    await ctx.close();
  });

  it("reads in a worker started from a Blob URL, and joins an execution with its events", async () => {
    const url = pathToFileURL(file).href + "#s=aos-upgrade-failed.json,aos-upgrade-failed-events.json&tab=2";
    const { page, ctx, seen } = await openPage(browser, url);
    await page.waitForSelector('[data-testid="doc"][data-kind="join"][data-loaded="true"]');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.engine), "worker");
    assert.ok(seen.requests.some((u) => u.startsWith("blob:")), "the worker's Blob URL");
    assert.equal(await page.locator(tid("format")).textContent(), "Joined run");
    assert.ok(await page.locator(tid("conflict")).count() >= 1);
    assert.equal(await page.locator(tid("events-count")).textContent(), "61 events");
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.requests.filter((u) => u !== url.split("#")[0] && !u.startsWith("data:") && !u.startsWith("blob:")), [], "nothing is fetched");
    await ctx.close();
  });

  it("falls back to the main thread when no worker can start", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 950 }, locale: "en-US" });
    const page = await ctx.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.addInitScript(() => { window.Worker = undefined; });
    await page.goto(pathToFileURL(file).href + "#s=aos-upgrade-failed-events.json");
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
    await loaded(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.engine), "main");
    assert.equal(await page.locator(tid("events-count")).textContent(), "61 events");
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  it("has the polling replay next to it, linked, working from file://", async () => {
    const { page, ctx, seen } = await openPage(browser, pathToFileURL(file).href);
    assert.equal(await page.locator(tid("replay-link")).getAttribute("href"), "execscope-replay.html");
    await page.click(tid("replay-link"));
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true" && location.pathname.endsWith("execscope-replay.html"));
    assert.equal(await page.evaluate(() => document.documentElement.dataset.engine), "worker");
    for (let k = 1; k <= 2; k++) {
      await page.click(tid("replay-step"));
      await page.waitForFunction((k) => document.querySelector('[data-testid="replay-status"]').dataset.added === String(k), k);
    }
    assert.equal(await page.locator(tid("progress-chart")).getAttribute("data-points"), "2");
    assert.ok(Number(await page.locator(tid("changes")).getAttribute("data-count")) > 0);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:") && !u.startsWith("blob:")), [], "nothing is fetched");
    await ctx.close();
  });

  it("restores a sample named in the hash", async () => {
    const url = pathToFileURL(file).href + "#s=workflow-history-failure.json";
    const { page, ctx, seen } = await openPage(browser, url);
    await loaded(page);
    assert.equal(await page.locator(tid("runs") + " tbody tr").count(), 6);
    assert.deepEqual(seen.errors, []);
    await ctx.close();
  });
});
