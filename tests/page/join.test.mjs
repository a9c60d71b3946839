// One run from several sources (the core's Workspace in the page) and the
// polling replay (replay.html).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openPage, loaded, SAMPLES, useBrowser, browser, server, tid } from "./harness.mjs";

useBrowser();

const EXEC = path.join(SAMPLES, "aos-upgrade-failed.json");
const EVENTS = path.join(SAMPLES, "aos-upgrade-failed-events.json");

function clean(seen) {
  assert.deepEqual(seen.errors, [], "no page or console errors");
  assert.deepEqual(seen.external, [], "no request leaves the origin");
  assert.deepEqual(seen.dialogs, [], "no dialog (alert) ever opens");
}

async function joinedLoaded(page) {
  await page.waitForSelector('[data-testid="doc"][data-kind="join"][data-loaded="true"]', { timeout: 60000 });
}

describe("one run from several sources", () => {
  it("joins an execution and its events: one summary, the sources, the conflicts, one timeline, the events", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url);
    await page.setInputFiles(tid("file-input"), [EXEC, EVENTS]);
    await joinedLoaded(page);
    // The joined tab is shown; the payload tabs stay.
    assert.deepEqual(await page.locator(tid("tab")).evaluateAll((els) => els.map((e) => e.dataset.kind)), ["payload", "payload", "join"]);
    assert.equal(await page.locator(tid("format")).textContent(), "Joined run");
    const sources = page.locator(tid("join-source"));
    assert.equal(await sources.count(), 2);
    assert.deepEqual(await sources.evaluateAll((els) => els.map((e) => e.dataset.role)), ["status", "events"]);
    assert.match(await sources.first().textContent(), /aos-upgrade-failed\.json/);
    // One summary of the merged run.
    assert.equal(await page.locator(tid("summary")).count(), 1);
    assert.equal(await page.locator(tid("run-phase")).getAttribute("data-phase"), "Failed");
    assert.equal(await page.locator(tid("run-id")).textContent(), "shop-prod-2718440931");
    // The conflicts are listed: the status says Cancelled, the events say Failed.
    const conflicts = page.locator(tid("conflict"));
    assert.ok(await conflicts.count() >= 1);
    const rows = await conflicts.evaluateAll((els) => els.map((e) => [e.dataset.element,
      e.querySelector('[data-testid="conflict-status"]').dataset.phase, e.querySelector('[data-testid="conflict-events"]').dataset.phase]));
    assert.ok(rows.some(([el, st, ev]) => el === "shop-web-deployment" && st === "Cancelled" && ev === "Failed"), JSON.stringify(rows));
    assert.ok(await page.locator(tid("conflicts")).isVisible());
    // One timeline, whose starts come from the status, the events, or the dependencies'
    // ends (shop-api-hpa and shop-cron-job waited for shop-api-deployment).
    assert.equal(await page.locator(tid("timeline-panel")).count(), 1);
    const starts = page.locator(tid("start-sources"));
    assert.ok(Number(await starts.locator('[data-source="events"] strong').textContent()) > 0, "events refine starts");
    assert.ok(Number(await starts.locator('[data-source="status"] strong').textContent()) > 0);
    assert.equal(await starts.locator('[data-source="dependencies"] strong').textContent(), "2");
    // The events of the run.
    assert.equal(await page.locator(tid("events-count")).textContent(), "61 events");
    clean(seen);
    await ctx.close();
  });

  it("says where each start came from: the details panel (events, dependencies)", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url + "#s=aos-upgrade-failed.json,aos-upgrade-failed-events.json&tab=2&lane=shop-configmap");
    await joinedLoaded(page);
    await page.waitForSelector(tid("details"));
    assert.equal(await page.locator(tid("details-name")).textContent(), "shop-configmap");
    assert.equal(await page.locator(tid("details-source")).first().getAttribute("data-source"), "events", "the status has no createAt: the events give the start");
    assert.match(await page.locator(tid("details-source")).first().textContent(), /first start event/);
    clean(seen);
    await ctx.close();
    // A lane whose start no source has: it starts when its dependencies ended
    // (shop-api-hpa waited for shop-api-deployment, which failed at 08:29:41).
    const second = await openPage(browser, server.url + "#s=aos-upgrade-failed.json,aos-upgrade-failed-events.json&tab=2&lane=shop-api-hpa");
    await joinedLoaded(second.page);
    await second.page.waitForSelector(tid("details"));
    assert.equal(await second.page.locator(tid("details-name")).textContent(), "shop-api-hpa");
    assert.equal(await second.page.locator(tid("details-source")).first().getAttribute("data-source"), "dependencies");
    assert.match(await second.page.locator(tid("details-source")).first().textContent(), /elements it depends on/);
    clean(second.seen);
    await second.ctx.close();
  });

  it("keeps each payload available alone, restores the joined tab from the hash, closes it", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url + "#s=aos-upgrade-failed.json,aos-upgrade-failed-events.json&tab=2");
    await joinedLoaded(page);
    assert.equal(await page.locator(tid("tab") + ".on").getAttribute("data-kind"), "join");
    // A source chip opens that payload alone.
    await page.locator(tid("join-source") + '[data-role="events"]').click();
    await loaded(page);
    assert.equal(await page.locator(tid("format")).textContent(), "Execution events");
    await page.waitForFunction(() => location.hash.includes("tab=1"));
    await page.keyboard.press("3");
    await joinedLoaded(page);
    await page.waitForFunction(() => location.hash.includes("tab=2"));
    // Closing the joined tab keeps the payloads.
    await page.keyboard.press("x");
    assert.equal(await page.locator(tid("tab")).count(), 2);
    assert.equal(await page.locator(tid("tab") + '[data-kind="join"]').count(), 0);
    clean(seen);
    await ctx.close();
  });

  it("joins an execution opened later with events already open", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url);
    await page.setInputFiles(tid("file-input"), EVENTS);
    await loaded(page);
    assert.equal(await page.locator(tid("tab")).count(), 1);
    await page.setInputFiles(tid("file-input"), EXEC);
    await joinedLoaded(page);
    assert.equal(await page.locator(tid("tab")).count(), 3);
    assert.equal(await page.locator(tid("join-source")).count(), 2);
    clean(seen);
    await ctx.close();
  });

  it("joins polled snapshots of one execution: progress history and changes", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url);
    const dir = path.join(SAMPLES, "polling");
    await page.setInputFiles(tid("file-input"), ["pay-gateway-upgrade-02.json", "pay-gateway-upgrade-05.json", "pay-gateway-upgrade-08.json"].map((f) => path.join(dir, f)));
    await joinedLoaded(page);
    assert.match(await page.locator(tid("tab") + '[data-kind="join"]').textContent(), /3 snapshots/);
    assert.equal(await page.locator(tid("progress-chart")).getAttribute("data-points"), "3");
    assert.ok(Number(await page.locator(tid("changes")).getAttribute("data-count")) > 3);
    assert.equal(await page.locator(tid("conflicts")).count(), 0, "snapshots only: nothing to disagree on");
    assert.ok(Number(await page.locator(tid("start-sources") + ' [data-source="snapshot"] strong').textContent()) > 0);
    clean(seen);
    await ctx.close();
  });
});

describe("polling replay", () => {
  const status = (page) => page.locator(tid("replay-status")).getAttribute("data-added");

  it("is linked from the main page", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url);
    assert.equal(await page.locator(tid("replay-link")).getAttribute("href"), "replay.html");
    await page.click(tid("replay-link"));
    await page.waitForFunction(() => document.documentElement.dataset.ready === "true" && location.pathname.endsWith("/replay.html"));
    assert.ok(await page.locator(tid("replay-controls")).isVisible());
    clean(seen);
    await ctx.close();
  });

  it("steps: a growing progress history, changes and timeline; back; play to the end", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url + "replay.html");
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.equal(await page.locator("script:not([src])").count(), 0, "no inline script");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.engine), "worker");
    const index = JSON.parse(fs.readFileSync(path.join(SAMPLES, "polling", "index.json"), "utf8"));
    const n = index[0].snapshots.length;
    assert.equal(await page.locator(tid("replay-status")).textContent(), "Snapshot 0 of " + n);
    const points = [];
    const changes = [];
    for (let k = 1; k <= 4; k++) {
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction((k) => document.querySelector('[data-testid="replay-status"]').dataset.added === String(k), k);
      points.push(Number(await page.locator(tid("progress-chart")).getAttribute("data-points")));
      changes.push(Number(await page.locator(tid("changes")).getAttribute("data-count")));
    }
    assert.deepEqual(points, [1, 2, 3, 4], "one progress point per snapshot");
    assert.equal(changes[0], 0, "one snapshot: nothing changed yet");
    for (let k = 1; k < changes.length; k++) assert.ok(changes[k] > changes[k - 1], "changes grow: " + changes);
    assert.equal(await page.locator(tid("change-group") + ".new").getAttribute("data-snapshot"), "3");
    assert.equal(await page.locator(tid("lane-count")).textContent(), "12 lanes");
    assert.ok(Number(await page.locator(tid("start-sources") + ' [data-source="snapshot"] strong').textContent()) > 0, "starts from the snapshots");
    await page.waitForFunction(() => location.hash.includes("at=4"));
    // Back one poll.
    await page.click(tid("replay-back"));
    await page.waitForFunction(() => document.querySelector('[data-testid="replay-status"]').dataset.added === "3");
    assert.equal(await page.locator(tid("progress-chart")).getAttribute("data-points"), "3");
    // Play at the fastest interval to the end.
    await page.click(tid("replay-speed") + ' [data-ms="500"]');
    await page.click(tid("replay-play"));
    assert.match(await page.locator(tid("replay-play")).textContent(), /Pause/);
    await page.waitForFunction((n) => document.querySelector('[data-testid="replay-status"]').dataset.added === String(n), n, { timeout: 30000 });
    await page.waitForFunction(() => /Play/.test(document.querySelector('[data-testid="replay-play"]').textContent));
    assert.equal(await page.locator(tid("run-phase")).getAttribute("data-phase"), "Failed");
    assert.equal(await page.locator(tid("progress-chart")).getAttribute("data-points"), String(n));
    assert.equal(await page.locator(tid("progress-chart")).getAttribute("data-last"), "75");
    assert.equal(await page.locator(tid("replay-countdown")).textContent(), "recording ended");
    clean(seen);
    await ctx.close();
  });

  it("restores the position from the hash; Home resets", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url + "replay.html#series=pay-gateway-upgrade&at=5&every=1000&theme=dark");
    assert.equal(await status(page), "5");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
    assert.equal(await page.locator(tid("replay-speed") + " .on").getAttribute("data-ms"), "1000");
    assert.equal(await page.locator(tid("progress-chart")).getAttribute("data-points"), "5");
    await page.keyboard.press("Home");
    await page.waitForFunction(() => document.querySelector('[data-testid="replay-status"]').dataset.added === "0");
    assert.equal(await page.locator(tid("replay-empty")).count(), 1);
    clean(seen);
    await ctx.close();
  });
});
