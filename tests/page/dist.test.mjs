// The single-file build (scripts/build-dist.mjs): one HTML file that works from
// file:// with no network.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, buildDist, openPage, loaded, SAMPLES } from "./harness.mjs";

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

const tid = (id) => `[data-testid="${id}"]`;

describe("dist/execscope.html", () => {
  it("is one file: no src/href to other files, hashed CSP, connect-src 'none'", () => {
    const html = fs.readFileSync(file, "utf8");
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith("data:"));
    assert.deepEqual(refs, []);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)[1];
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
    assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.match(csp, /connect-src 'none'/);
    assert.equal((html.match(/<script type="module">/g) || []).length, 1);
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

  it("restores a sample named in the hash", async () => {
    const url = pathToFileURL(file).href + "#s=workflow-history-failure.json";
    const { page, ctx, seen } = await openPage(browser, url);
    await loaded(page);
    assert.equal(await page.locator(tid("runs") + " tbody tr").count(), 6);
    assert.deepEqual(seen.errors, []);
    await ctx.close();
  });
});
