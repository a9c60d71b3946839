// Memory given back (issue 12, "the page"): wasm memory never shrinks, so once
// every payload is closed the page replaces a worker that grew past
// RECYCLE_BYTES with a fresh one (data/client.js Engine.recycle). These tests
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
});
