// End-to-end tests of the served page (www/ + the wasm package) in headless Chromium.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openPage, loaded, bigEvents, bigAos, tmpDir, SAMPLES, ROOT, useBrowser, browser, server, tid } from "./harness.mjs";

useBrowser();

async function openSample(file, hash = "") {
  const o = await openPage(browser, server.url + "#s=" + file + hash);
  await loaded(o.page);
  return o;
}

function clean(seen) {
  assert.deepEqual(seen.errors, [], "no page or console errors");
  assert.deepEqual(seen.external, [], "no request leaves the origin");
  assert.deepEqual(seen.dialogs, [], "no dialog (alert) ever opens");
}

describe("page shell", () => {
  it("starts with a welcome screen, the samples and the core's version", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url);
    await page.waitForSelector(tid("sample-card"));
    const index = JSON.parse(fs.readFileSync(path.join(SAMPLES, "index.json"), "utf8"));
    assert.equal(await page.locator(tid("sample-card")).count(), index.length);
    assert.match(await page.locator(tid("version")).textContent(), /^v\d+\.\d+\.\d+/);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(csp, /connect-src 'self'/);
    assert.equal(await page.locator("script:not([src])").count(), 0, "no inline script in the served page");
    assert.equal(await page.locator("style").count(), 0, "no inline style element in the served page");
    clean(seen);
    await ctx.close();
  });

  it("opens a sample from the samples menu as a tab that names its format", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url);
    await page.click(tid("samples-menu") + " > summary");
    await page.click(tid("sample-item") + '[data-file="seed-aos-execution.json"]');
    await loaded(page);
    assert.equal(await page.locator(tid("tab")).count(), 1);
    assert.equal(await page.locator(tid("tab-format")).textContent(), "AOS execution");
    await page.waitForFunction(() => location.hash === "#s=seed-aos-execution.json");
    clean(seen);
    await ctx.close();
  });

  it("opens several files side by side as tabs (and the run they join), and closes them", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url);
    await page.setInputFiles(tid("file-input"), [
      path.join(SAMPLES, "aos-upgrade-failed.json"),
      path.join(SAMPLES, "aos-upgrade-failed-events.json"),
    ]);
    await loaded(page);
    assert.equal(await page.locator(tid("tab")).count(), 3, "two payloads and the run they join");
    assert.deepEqual(await page.locator(tid("tab-format")).allTextContents(), ["AOS execution", "Execution events", "Joined · 2 sources"]);
    await page.keyboard.press("2");
    await loaded(page);
    assert.equal(await page.locator(tid("format")).textContent(), "Execution events");
    await page.keyboard.press("x");
    assert.equal(await page.locator(tid("tab")).count(), 1, "closing a source closes the joined run");
    clean(seen);
    await ctx.close();
  });

  it("leaves no busy note behind when a tab is left before its work started", async () => {
    // A large payload queues its timeline behind a busy note ("Building the
    // timeline…"); switching tabs before that work started closed its view,
    // and the note stayed up for good (found by the injection suite).
    const dir = tmpDir("busy");
    const f = path.join(dir, "events-big.json");
    fs.writeFileSync(f, bigEvents(8000, 400)); // over 2 MB: the page queues its work behind a busy note
    const { page, ctx, seen } = await openPage(browser, server.url);
    await page.setInputFiles(tid("file-input"), [f, path.join(SAMPLES, "aos-upgrade-failed.json")]);
    await loaded(page);
    for (let round = 0; round < 3; round++) {
      // activate the big payload's tab, then (before the next frame) the other one
      const started = await page.evaluate(async () => {
        const tabs = document.querySelectorAll('[data-testid="tab"] .tab-main');
        tabs[0].click();
        await Promise.resolve();
        await Promise.resolve();
        const busy = !!document.querySelector(".busy");
        document.querySelectorAll('[data-testid="tab"] .tab-main')[1].click();
        return busy;
      });
      if (round === 0) assert.ok(started, "the big payload's view put up its busy note (the case this test is about)");
      await loaded(page);
      await page.waitForFunction(() => !document.querySelector(".busy"), null, { timeout: 120000 }).catch(() => {});
      assert.equal(await page.locator(".busy").count(), 0, "no busy note is left once the shown tab is loaded (round " + round + ")");
    }
    clean(seen);
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("opens pasted text", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url);
    await page.click(tid("paste-toggle"));
    await page.fill(tid("paste-input"), fs.readFileSync(path.join(SAMPLES, "seed-api-error-500.json"), "utf8"));
    await page.click(tid("paste-open"));
    await loaded(page);
    assert.equal(await page.locator(tid("format")).textContent(), "API error");
    assert.equal(await page.locator(tid("api-http")).textContent(), "500");
    assert.equal(await page.locator(tid("api-code")).textContent(), "AOM.31001405");
    assert.equal(await page.locator(tid("api-message")).textContent(), "execution internal server error.");
    clean(seen);
    await ctx.close();
  });

  it("shows the help overlay on ?, closes it on Escape; T cycles the theme", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url);
    await page.keyboard.press("?");
    assert.ok(await page.locator(tid("help")).isVisible());
    assert.match(await page.locator(tid("help")).textContent(), /Keyboard shortcuts/);
    await page.keyboard.press("Escape");
    assert.ok(!(await page.locator(tid("help")).isVisible()));
    await page.keyboard.press("t");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
    await page.keyboard.press("t");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "light");
    await page.waitForFunction(() => location.hash.includes("theme=light"));
    await page.keyboard.press("t");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
    clean(seen);
    await ctx.close();
  });
});

describe("summary", () => {
  it("shows a failed AOS upgrade: name, phase, progress, timeout, first failure", async () => {
    const { page, ctx, seen } = await openSample("aos-upgrade-failed.json");
    const s = page.locator(tid("summary"));
    assert.equal(await s.locator(tid("run-phase")).getAttribute("data-phase"), "Failed");
    assert.equal(await s.locator(tid("run-action")).textContent(), "upgrade");
    assert.match(await s.locator(tid("progress-reported")).textContent(), /62%/);
    assert.match(await s.locator(tid("progress-derived")).textContent(), /\d+%/);
    assert.match(await s.locator(tid("started") + " .fact-v").textContent(), /2024-05-13 08:21:07Z/);
    assert.match(await s.locator(tid("timeout")).textContent(), /min/);
    assert.equal(await s.locator(tid("failure-element")).textContent(), "shop-api-deployment");
    clean(seen);
    await ctx.close();
  });

  it("jumps to the first failure: selects its lane and opens its details", async () => {
    const { page, ctx, seen } = await openSample("aos-upgrade-failed.json");
    await page.click(tid("jump-failure"));
    await page.waitForSelector(tid("details"));
    assert.equal(await page.locator(tid("details-name")).textContent(), "shop-api-deployment");
    assert.equal(await page.locator(tid("details-phase")).getAttribute("data-phase"), "Failed");
    await page.waitForFunction(() => location.hash.includes("lane=shop-api-deployment"));
    await page.keyboard.press("Escape");
    assert.equal(await page.locator(tid("details")).count(), 0);
    clean(seen);
    await ctx.close();
  });

  it("notes a progress mismatch", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url);
    const text = bigAos(50);
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.setData("text/plain", t);
      document.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true }));
    }, text);
    await loaded(page);
    assert.match(await page.locator(tid("progress-mismatch")).textContent(), /99%/);
    clean(seen);
    await ctx.close();
  });

  it("lists the runs of a workflow history and shows the one picked", async () => {
    const { page, ctx, seen } = await openSample("workflow-history-failure.json");
    const rows = page.locator(tid("runs") + " tbody tr");
    assert.equal(await rows.count(), 6);
    const failed = page.locator(tid("runs") + ' tbody tr:has([data-phase="Failed"])');
    const id = await failed.getAttribute("data-run");
    await failed.click();
    await loaded(page);
    assert.equal(await page.locator(tid("run-id")).textContent(), id);
    assert.equal(await page.locator(tid("run-phase")).getAttribute("data-phase"), "Failed");
    assert.equal(await page.locator(tid("failure-element")).textContent(), "check-pod-ready");
    await page.waitForFunction((x) => location.hash.includes("run=" + x), id);
    clean(seen);
    await ctx.close();
  });
});

describe("timeline", () => {
  it("draws a lane per element; phase chips filter lanes and events", async () => {
    const { page, ctx, seen } = await openSample("aos-upgrade-failed-events.json");
    const lanes = await page.locator(tid("lane-count")).textContent();
    assert.match(lanes, /^\d+ lanes$/);
    const all = await page.locator(tid("events-count")).textContent();
    await page.click(tid("phase-chips") + ' [data-phase="Failed"]');
    assert.match(await page.locator(tid("lane-count")).textContent(), /^\d+ of \d+ lanes$/);
    const filtered = await page.locator(tid("events-count")).textContent();
    assert.notEqual(filtered, all);
    assert.match(filtered, /of 61 events/);
    await page.waitForFunction(() => location.hash.includes("ph=Failed"));
    await page.click(tid("phase-chips") + ' [data-phase="all"]');
    assert.equal(await page.locator(tid("lane-count")).textContent(), lanes);
    clean(seen);
    await ctx.close();
  });

  it("zooms with the wheel, buttons and keys, pans by dragging, fits", async () => {
    const { page, ctx, seen } = await openSample("aos-upgrade-failed.json");
    const range = () => page.locator(tid("timeline-range")).textContent();
    const canvas = page.locator(tid("timeline-canvas"));
    await canvas.scrollIntoViewIfNeeded();
    const fit = await range();
    const b = await canvas.boundingBox();
    await page.mouse.move(b.x + b.width * 0.7, b.y + 60);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction(() => /z=\d+%2C\d+/.test(location.hash));
    const zoomed = await range();
    assert.notEqual(zoomed, fit);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width * 0.4, b.y + 60, { steps: 5 });
    await page.mouse.up();
    assert.notEqual(await range(), zoomed, "drag pans");
    await page.click(tid("zoom-fit"));
    assert.equal(await range(), fit);
    await page.click(tid("zoom-in"));
    assert.notEqual(await range(), fit);
    await page.keyboard.press("f");
    assert.equal(await range(), fit);
    await page.keyboard.press("w");
    const wz = await range();
    assert.notEqual(wz, fit);
    await page.keyboard.press("d");
    assert.notEqual(await range(), wz, "D pans");
    await page.keyboard.press("0");
    assert.equal(await range(), fit);
    // The overview: a brush picks a range, a click centers the window.
    const ov = await page.locator(tid("timeline-overview")).boundingBox();
    await page.mouse.move(ov.x + ov.width * 0.5, ov.y + ov.height / 2);
    await page.mouse.down();
    await page.mouse.move(ov.x + ov.width * 0.6, ov.y + ov.height / 2, { steps: 4 });
    await page.mouse.up();
    const brushed = await range();
    assert.notEqual(brushed, fit);
    await page.mouse.click(ov.x + ov.width * 0.9, ov.y + ov.height / 2);
    assert.notEqual(await range(), brushed);
    clean(seen);
    await ctx.close();
  });

  it("shows a tooltip on hover and the details on click", async () => {
    const { page, ctx, seen } = await openSample("aos-upgrade-failed.json");
    const canvas = page.locator(tid("timeline-canvas"));
    await canvas.scrollIntoViewIfNeeded();
    const b = await canvas.boundingBox();
    // The label gutter of the first lane (axis 30px, lanes 22px).
    await page.mouse.move(b.x + 60, b.y + 30 + 11);
    await page.waitForSelector(tid("timeline-tooltip") + ":not([hidden])");
    assert.ok((await page.locator(tid("timeline-tooltip")).textContent()).length > 0);
    await page.mouse.click(b.x + 60, b.y + 30 + 11);
    await page.waitForSelector(tid("details"));
    await page.keyboard.press("j");
    const second = await page.locator(tid("details-name")).textContent();
    assert.ok(second.length > 0);
    clean(seen);
    await ctx.close();
  });

  it("switches the time display between UTC, local and relative", async () => {
    const { page, ctx, seen } = await openSample("aos-upgrade-failed.json");
    assert.match(await page.locator(tid("started") + " .fact-v").textContent(), /Z$/);
    await page.click(tid("time-mode") + ' [data-mode="rel"]');
    assert.match(await page.locator(tid("timeline-range")).textContent(), /^[−+]/);
    assert.match(await page.locator(tid("started") + " .fact-v").textContent(), /\+0s/);
    await page.keyboard.press("u");
    assert.match(await page.locator(tid("started") + " .fact-v").textContent(), /^2024-05-13 08:21:07Z$/);
    await page.waitForFunction(() => !location.hash.includes("tm="));
    clean(seen);
    await ctx.close();
  });

  it("scrolls through 100,000 lanes (frame time logged, not asserted)", async () => {
    const dir = tmpDir("big");
    const f = path.join(dir, "aos-100k.json");
    fs.writeFileSync(f, bigAos(100000));
    const { page, ctx, seen } = await openPage(browser, server.url);
    await page.setInputFiles(tid("file-input"), f);
    await loaded(page);
    assert.equal(await page.locator(tid("lane-count")).textContent(), "100,000 lanes");
    const { ms, top } = await page.evaluate(async () => {
      const s = document.querySelector('[data-testid="timeline-canvas"]').parentElement;
      const t0 = performance.now();
      for (let i = 0; i < 30; i++) { s.scrollTop += 37000; await new Promise((r) => requestAnimationFrame(r)); }
      return { ms: (performance.now() - t0) / 30, top: s.scrollTop };
    });
    // Speed is measured in benchmarks (tests/page/measure.mjs), not asserted here.
    assert.ok(top > 0, "the lanes scrolled");
    console.log("# 100,000 lanes: " + ms.toFixed(1) + " ms per scrolled frame");
    clean(seen);
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("events", () => {
  it("filters by type, element and text, sorts by time, switches language", async () => {
    const { page, ctx, seen } = await openSample("aos-upgrade-failed-events.json");
    const count = () => page.locator(tid("events-count")).textContent();
    assert.equal(await count(), "61 events");
    await page.selectOption(tid("events-type"), "Warning");
    assert.match(await count(), /^\d+ of 61 events$/);
    await page.selectOption(tid("events-type"), "");
    await page.fill(tid("events-element"), "shop-api-deployment");
    await page.waitForFunction(() => /of 61/.test(document.querySelector('[data-testid="events-count"]').textContent));
    await page.fill(tid("events-element"), "");
    await page.keyboard.press("Escape");
    await page.keyboard.press("/");
    await page.keyboard.type("FailedFinish");
    await page.waitForFunction(() => /^1 of 61/.test(document.querySelector('[data-testid="events-count"]').textContent));
    await page.waitForFunction(() => location.hash.includes("q=FailedFinish"));
    await page.click(tid("events-lang") + ' [data-lang="en"]');
    assert.equal(await page.locator(tid("event-reason")).first().textContent(), "FailedFinish");
    await page.click(tid("events-lang") + ' [data-lang="zh"]');
    assert.equal(await page.locator(tid("event-reason")).first().textContent(), "执行失败");
    await page.click(tid("events-lang") + ' [data-lang="both"]');
    assert.equal(await page.locator(tid("event-reason")).first().textContent(), "执行失败 · FailedFinish");
    await page.fill(tid("events-search"), "");
    await page.waitForFunction(() => document.querySelector('[data-testid="events-count"]').textContent === "61 events");
    const first = await page.locator(tid("event-row")).first().getAttribute("data-index");
    await page.click('[data-sort="time"]');
    assert.notEqual(await page.locator(tid("event-row")).first().getAttribute("data-index"), first, "descending puts another event first");
    clean(seen);
    await ctx.close();
  });

  it("keeps only the visible rows in the DOM with 100,000 events", async () => {
    const dir = tmpDir("big");
    const f = path.join(dir, "events-100k.json");
    fs.writeFileSync(f, bigEvents(100000, 2000));
    const { page, ctx, seen } = await openPage(browser, server.url);
    await page.setInputFiles(tid("file-input"), f);
    await loaded(page);
    assert.equal(await page.locator(tid("events-count")).textContent(), "100,000 events");
    assert.ok(await page.locator(tid("event-row")).count() < 80);
    await page.evaluate(() => { const s = document.querySelector(".ev-scroll"); s.scrollTop = s.scrollHeight / 2; });
    await page.waitForTimeout(100);
    const idx = Number(await page.locator(tid("event-row")).first().getAttribute("data-index"));
    assert.ok(idx > 40000 && idx < 60000, "middle rows rendered after scrolling (first " + idx + ")");
    await page.selectOption(tid("events-type"), "Warning");
    assert.equal(await page.locator(tid("events-count")).textContent(), "2,000 of 100,000 events");
    clean(seen);
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("objectData, raw, errors, warnings", () => {
  it("decodes objectData and changedObjectData", async () => {
    const { page, ctx, seen } = await openSample("aos-upgrade-failed.json");
    const od = page.locator(tid("object-data"));
    assert.equal(await od.locator(tid("od-objectData") + " " + tid("od-format")).textContent(), "json");
    assert.match(await od.locator(tid("od-objectData") + " " + tid("od-size")).textContent(), /KiB|B/);
    assert.ok(await od.locator(tid("od-objectData") + " .jt-row").count() > 5);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      od.locator(tid("od-objectData") + " " + tid("od-download")).click(),
    ]);
    const text = fs.readFileSync(await download.path(), "utf8");
    assert.doesNotThrow(() => JSON.parse(text));
    clean(seen);
    await ctx.close();
  });

  it("says when objectData is redacted", async () => {
    const { page, ctx, seen } = await openSample("seed-aos-execution.json");
    assert.match(await page.locator(tid("od-redacted")).textContent(), /redacted in the payload/i);
    clean(seen);
    await ctx.close();
  });

  it("shows the raw payload lazily, unknown fields included", async () => {
    const { page, ctx, seen } = await openSample("seed-aos-execution.json");
    assert.equal(await page.locator(tid("raw-tree")).count(), 0, "not built before it is opened");
    await page.click(tid("raw") + " > summary");
    await page.waitForSelector(tid("raw-tree"));
    assert.match(await page.locator(tid("raw-tree")).textContent(), /"apiVersion"/);
    clean(seen);
    await ctx.close();
  });

  it("shows invalid JSON with line, column and a caret", async () => {
    const { page, ctx, seen } = await openSample("broken-invalid.json");
    assert.equal(await page.locator(tid("error-code")).textContent(), "invalid_json");
    assert.match(await page.locator(tid("error-position")).textContent(), /Line 13, column 9/);
    assert.match(await page.locator(tid("error-caret")).textContent(), /\^ here/);
    assert.match(await page.locator(tid("error-excerpt")).textContent(), /13/);
    clean(seen);
    await ctx.close();
  });

  it("lists warnings with code, message and path, and reveals the path", async () => {
    const { page, ctx, seen } = await openSample("seed-execution-events.json");
    const w = page.locator(tid("warnings") + " " + tid("warning"));
    assert.ok(await w.count() >= 1);
    assert.match(await w.first().textContent(), /trailing_comma/);
    clean(seen);
    await ctx.close();
  });

  it("never turns payload text into markup", async () => {
    const { page, ctx, seen } = await openSample("hostile-markup.json");
    await page.click(tid("raw") + " > summary");
    await page.waitForSelector(tid("raw-tree"));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(300);
    assert.equal(await page.locator("main img, main iframe, main svg, main script, main object, main a[href], main math").count(), 0);
    assert.match(await page.locator(tid("run-name")).textContent(), /<img/);
    clean(seen);
    await ctx.close();
  });
});

describe("compare and export", () => {
  it("compares two runs of a workflow history", async () => {
    const { page, ctx, seen } = await openSample("workflow-history-failure.json");
    await page.click(tid("compare-menu") + " > summary");
    await page.waitForSelector(tid("compare-item")); // the menu is filled on its toggle event
    const items = page.locator(tid("compare-item"));
    assert.equal(await items.count(), 5, "the five other runs");
    await items.filter({ has: page.locator(".ph-failed") }).first().click();
    await page.waitForSelector(tid("compare"));
    assert.match(await page.locator(tid("compare-changed")).textContent(), /^\d+ of \d+$/);
    assert.ok(await page.locator(tid("compare-row")).count() >= 1);
    await page.waitForFunction(() => /cmp=0&cmprun=/.test(location.hash));
    await page.click(tid("compare-close"));
    assert.equal(await page.locator(tid("compare")).count(), 0);
    clean(seen);
    await ctx.close();
  });

  it("compares two open payloads", async () => {
    const { page, ctx, seen } = await openSample("gcs-running.json,gcs-succeeded-map.json");
    await page.click(tid("compare-menu") + " > summary");
    await page.locator(tid("compare-item")).first().click();
    await page.waitForSelector(tid("compare"));
    assert.ok(await page.locator(tid("compare-objectData")).count() === 1);
    clean(seen);
    await ctx.close();
  });

  it("exports the model, the elements and a trace as downloads", async () => {
    const { page, ctx, seen } = await openSample("aos-upgrade-failed.json");
    for (const [kind, check] of [
      ["json", (t) => JSON.parse(t)],
      ["csv", (t) => assert.match(t.split("\n")[0], /,/)],
      ["trace", (t) => { const v = JSON.parse(t); assert.ok(Array.isArray(v) || Array.isArray(v.traceEvents)); }],
    ]) {
      await page.click(tid("export-menu") + " > summary");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-export="${kind}"]`)]);
      check(fs.readFileSync(await download.path(), "utf8"));
    }
    clean(seen);
    await ctx.close();
  });

  it("reads RFS stack events", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url);
    await page.setInputFiles(tid("file-input"), path.join(ROOT, "tests", "fixtures", "rfs-stack-events.json"));
    await loaded(page);
    assert.equal(await page.locator(tid("format")).textContent(), "RFS stack events");
    assert.match(await page.locator(tid("lane-count")).textContent(), /lanes$/);
    clean(seen);
    await ctx.close();
  });
});

describe("hash", () => {
  it("restores the samples, tab, filters, lane, zoom, time mode and theme", async () => {
    const hash = "&tab=1&ph=Failed&type=Warning&lane=shop-api-deployment&z=1715588700000,1715588990000&tm=local&theme=dark&lang=en";
    const { page, ctx, seen } = await openSample("aos-upgrade-failed.json,aos-upgrade-failed-events.json", hash);
    assert.equal(await page.locator(tid("tab")).count(), 3);
    assert.equal(await page.locator(tid("format")).textContent(), "Execution events");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
    assert.equal(await page.locator(tid("details-name")).textContent(), "shop-api-deployment");
    assert.match(await page.locator(tid("lane-count")).textContent(), / of /);
    assert.equal(await page.locator(tid("events-type")).inputValue(), "Warning");
    assert.equal(await page.locator(tid("time-mode") + " .on").getAttribute("data-mode"), "local");
    assert.equal(await page.locator(tid("events-lang") + " .on").getAttribute("data-lang"), "en");
    assert.match(await page.locator(tid("timeline-range")).textContent(), /\d\d:\d5:00 →/);
    assert.ok(!page.url().includes("shop-prod"), "no payload text in the URL");
    clean(seen);
    await ctx.close();
  });
});
