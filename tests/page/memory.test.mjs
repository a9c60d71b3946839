// Memory given back (issue 12, "the page"): wasm memory never shrinks, so once
// every payload is closed the page replaces a worker that grew past
// RECYCLE_BYTES with a fresh one, and with payloads open it does so when the
// worker holds far more than they need, reading them again into the fresh one
// (data/client.js Engine.recycle). These tests
// open an event list large enough to grow the worker's memory past the limit,
// close it, and check that the worker was replaced, that the fresh one is small,
// and that it answers (calls made while the worker is replaced included). The
// RSS over open/close cycles is measured, not asserted: tests/page/measure.mjs.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openPage, loaded, bigEvents, tmpDir, SAMPLES, useBrowser, browser, server, tid } from "./harness.mjs";

let big;

useBrowser();
before(() => {
  big = path.join(tmpDir("memory"), "events-100k.json");
  fs.writeFileSync(big, bigEvents(100000, 500));
});

describe("the worker gives its memory back", () => {
  it("is replaced once nothing is open, not before; the fresh one is small and answers, calls made meanwhile too", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url);
    const text = fs.readFileSync(big, "utf8");
    const r = await page.evaluate(async (text) => {
      const { connect, RECYCLE_BYTES } = await import("./js/data/client.js");
      const engine = await connect();
      const out = { limit: RECYCLE_BYTES, kind: engine.kind };
      const opened = await engine.call("open", { id: 1, name: "big.json", text });
      out.bigEvents = opened.summary ? opened.summary.runs[0].eventCount : null;
      // The events table's slices grow the memory too, as the page asks for them.
      out.slice = (await engine.call("eventsPacked", { id: 1, from: 0, count: 5000 })).n;
      out.grown = await engine.call("memory", {});
      out.whileOpen = await engine.recycle();
      await engine.call("close", { id: 1 });
      out.closed = await engine.call("memory", {});
      const small = await (await fetch("samples/aos-upgrade-failed.json")).text();
      // A call made while the worker is being replaced waits and goes to the fresh one.
      const [recycled, meanwhile] = await Promise.all([engine.recycle(), engine.call("open", { id: 2, name: "s.json", text: small })]);
      out.recycled = recycled;
      out.meanwhile = meanwhile.summary ? meanwhile.summary.kind : null;
      out.fresh = await engine.call("memory", {});
      out.restarts = engine.restarts;
      out.timeline = (await engine.call("timeline", { id: 2, mode: "objects" })).kind;
      // Small payloads never reach the limit: closing them restarts nothing.
      await engine.call("close", { id: 2 });
      out.again = await engine.recycle();
      return out;
    }, text);
    assert.equal(r.kind, "worker");
    assert.equal(r.bigEvents, 100000);
    assert.equal(r.slice, 5000);
    assert.ok(r.grown.wasmBytes > r.limit, `the big list grows the worker past the limit: ${r.grown.wasmBytes} > ${r.limit}`);
    assert.equal(r.grown.held, 1);
    assert.equal(r.whileOpen, false, "not replaced while a payload is open");
    assert.equal(r.closed.held, 0);
    assert.ok(r.closed.wasmBytes > r.limit, "closing alone gives nothing back (wasm memory never shrinks)");
    assert.equal(r.recycled, true);
    assert.equal(r.restarts, 1);
    assert.equal(r.meanwhile, "aos-execution", "the call made meanwhile was answered");
    assert.equal(r.fresh.held, 1, "the call made meanwhile went to the fresh worker");
    assert.ok(r.fresh.wasmBytes < 16 * 1024 * 1024, `the fresh worker is small: ${r.fresh.wasmBytes}`);
    assert.equal(r.timeline, "objects");
    assert.equal(r.again, false);
    assert.deepEqual(seen.errors, []);
    await ctx.close();
  });

  it("in the page: closing the big payload's tab replaces the worker; the next payload opens in the fresh one", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url);
    await page.setInputFiles(tid("file-input"), big);
    await loaded(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.engineRestarts), undefined);
    await page.keyboard.press("x");
    await page.waitForFunction(() => document.documentElement.dataset.engineRestarts === "1", null, { timeout: 30000 });
    await page.setInputFiles(tid("file-input"), path.join(SAMPLES, "aos-upgrade-failed.json"));
    await loaded(page);
    assert.match(await page.locator(tid("summary")).innerText(), /shop-api-deployment/);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.engine), "worker");
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.external, []);
    await ctx.close();
  });

  it("is replaced with payloads open when it holds far more than they need: they are read again, their views answer under the same handles, filters kept", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url);
    const text = fs.readFileSync(big, "utf8");
    const r = await page.evaluate(async (text) => {
      const { connect } = await import("./js/data/client.js");
      const engine = await connect();
      const small = await (await fetch("samples/aos-upgrade-failed.json")).text();
      const out = {};
      await engine.call("open", { id: 1, name: "big.json", text });
      await engine.call("open", { id: 2, name: "s.json", text: small });
      const bigView = await engine.call("timeline", { id: 1, mode: "frames" });
      const view = await engine.call("timeline", { id: 2, mode: "frames" });
      const lanes = view.laneCount;
      // Keep the failed lanes only (bit 1 << index of "Failed" in the core's phase order).
      out.shown = await engine.call("viewFilter", { view: view.view, mask: 1 << view.bits.phases.indexOf("Failed"), text: "" });
      out.before = await engine.call("viewRows", { view: view.view, from: 0, to: out.shown });
      out.frameBefore = Array.from((await engine.call("viewFrame", { view: view.view, t0: view.start, t1: view.end, columns: 40, from: 0, to: out.shown })).bytes);
      out.whileBigOpen = await engine.recycle();
      out.grown = await engine.call("memory", {});
      await engine.call("close", { id: 1 });
      out.recycled = await engine.recycle();
      out.fresh = await engine.call("memory", {});
      out.restarts = engine.restarts;
      // The page's handle still names the same view in the fresh worker, filter and all.
      out.after = await engine.call("viewRows", { view: view.view, from: 0, to: out.shown });
      out.frameAfter = Array.from((await engine.call("viewFrame", { view: view.view, t0: view.start, t1: view.end, columns: 40, from: 0, to: out.shown })).bytes);
      out.all = await engine.call("viewFilter", { view: view.view, mask: 0xff, text: "" });
      out.lanes = lanes;
      out.summary = (await engine.call("open", { id: 3, name: "s2.json", text: small })).summary.kind;
      const another = await engine.call("timeline", { id: 3, mode: "frames" });
      out.distinct = another.view !== view.view && another.view !== bigView.view;
      out.bigGone = await engine.call("viewRows", { view: bigView.view, from: 0, to: 1 }).then(() => "answered", (e) => e.code);
      return out;
    }, text);
    assert.equal(r.whileBigOpen, false, "not replaced while what is open needs what it holds");
    assert.equal(r.grown.docs, 2);
    assert.equal(r.recycled, true, `replaced once the big list is closed (${r.grown.wasmBytes} bytes held)`);
    assert.equal(r.restarts, 1);
    assert.equal(r.fresh.docs, 1, "the small payload was read again");
    assert.equal(r.fresh.views, 1, "with its view");
    assert.ok(r.fresh.wasmBytes < 16 * 1024 * 1024, `the fresh worker is small: ${r.fresh.wasmBytes}`);
    assert.ok(r.shown > 0 && r.shown < r.lanes, `the filter keeps some lanes: ${r.shown} of ${r.lanes}`);
    assert.deepEqual(r.after, r.before, "the same rows, filtered, under the same handle");
    assert.deepEqual(r.frameAfter, r.frameBefore, "the same frame");
    assert.equal(r.all, r.lanes);
    assert.equal(r.summary, "aos-execution");
    assert.equal(r.distinct, true, "a view made after the restart gets a handle of its own");
    assert.equal(r.bigGone, "closed", "the closed payload's view is gone");
    assert.deepEqual(seen.errors, []);
    await ctx.close();
  });

  it("in the page: closing the big payload's tab while another is open reads that one again into a fresh worker; its timeline keeps drawing", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url + "?timeline=frames");
    await page.setInputFiles(tid("file-input"), big);
    await loaded(page);
    await page.setInputFiles(tid("file-input"), path.join(SAMPLES, "aos-upgrade-failed.json"));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="tab"]').length === 2 && /shop-api-deployment/.test(document.querySelector('[data-testid="summary"]')?.textContent || ""));
    await loaded(page);
    const canvas = page.locator(tid("timeline-canvas"));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="timeline-canvas"]')?.dataset.drawn) > 0);
    // Close the big list's tab (the first).
    await page.locator('[data-testid="tab"] .tab-x').first().click();
    await page.waitForFunction(() => document.documentElement.dataset.engineRestarts === "1", null, { timeout: 60000 });
    assert.equal(await page.locator(tid("tab")).count(), 1);
    // The open payload's frame-drawn timeline answers from the fresh worker.
    await canvas.focus();
    const asked = Number(await canvas.getAttribute("data-asked"));
    for (const key of ["w", "w", "d"]) await page.keyboard.press(key);
    await page.waitForFunction((a) => {
      const c = document.querySelector('[data-testid="timeline-canvas"]');
      return Number(c.dataset.asked) > a && Number(c.dataset.drawn) >= Number(c.dataset.asked);
    }, asked, { timeout: 30000 });
    assert.match(await page.locator(tid("summary")).innerText(), /shop-api-deployment/);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.engine), "worker");
    assert.deepEqual(seen.errors, []);
    await ctx.close();
  });
});
