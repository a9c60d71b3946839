// Keyboard and screen-reader behaviour the axe audit (axe.test.mjs) cannot see:
// Escape closes overlays and menus and gives the focus back, the help keeps the
// focus inside it, the details give it back to the timeline, loading and errors
// are announced, the progress bar has a name and a value, a phase carries a
// glyph besides its colour, and reduced motion stops the animations.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openPage, loaded, useBrowser, browser, server, loadCore, SAMPLES, tid } from "./harness.mjs";

useBrowser();

const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return a ? (a.dataset.testid || a.id || a.className || a.tagName) : "";
});

describe("keyboard", () => {
  it("Escape closes the samples menu and gives the focus back to its button", async () => {
    const { page, ctx, seen } = await openPage(browser, server.url);
    await page.keyboard.press("m");
    assert.equal(await page.locator(tid("samples-menu")).getAttribute("open"), "");
    assert.equal(await focused(page), "sample-item", "the first sample has the focus");
    await page.keyboard.press("Escape");
    assert.equal(await page.locator(tid("samples-menu")).getAttribute("open"), null);
    assert.equal(await page.evaluate(() => document.activeElement.tagName), "SUMMARY");
    assert.deepEqual(seen.errors, []);
    await ctx.close();
  });

  it("the help keeps the focus inside while open and gives it back on Escape", async () => {
    const { page, ctx } = await openPage(browser, server.url);
    await page.focus(tid("help-toggle"));
    await page.keyboard.press("Enter");
    await page.waitForSelector(tid("help") + ":not([hidden])");
    assert.ok(await page.evaluate(() => document.getElementById("help-overlay").contains(document.activeElement)));
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("Tab");
      assert.ok(await page.evaluate(() => document.getElementById("help-overlay").contains(document.activeElement)), "Tab " + (i + 1) + " stays in the help");
    }
    await page.keyboard.press("Shift+Tab");
    assert.ok(await page.evaluate(() => document.getElementById("help-overlay").contains(document.activeElement)));
    assert.equal(await page.locator('[role="dialog"]').getAttribute("aria-labelledby"), "help-title");
    await page.keyboard.press("Escape");
    assert.ok(!(await page.locator(tid("help")).isVisible()));
    assert.equal(await focused(page), "help-toggle", "the focus is back on the ? button");
    await ctx.close();
  });

  it("Escape closes the paste box and gives the focus back to Paste", async () => {
    const { page, ctx } = await openPage(browser, server.url);
    await page.click(tid("paste-toggle"));
    assert.equal(await focused(page), "paste-input");
    await page.keyboard.press("Escape");
    assert.ok(!(await page.locator(tid("paste-panel")).isVisible()));
    assert.equal(await focused(page), "paste-toggle");
    await ctx.close();
  });

  it("closing a lane's details from within gives the focus to the timeline", async () => {
    const { page, ctx } = await openPage(browser, server.url + "#s=aos-upgrade-failed.json&lane=shop-api-deployment");
    await loaded(page);
    await page.focus(tid("details-close"));
    await page.keyboard.press("Escape");
    assert.equal(await page.locator(tid("details")).count(), 0);
    assert.equal(await focused(page), "timeline-canvas");
    await ctx.close();
  });

  it("a visible focus indicator: a focused button has a 2px outline", async () => {
    const { page, ctx } = await openPage(browser, server.url);
    await page.keyboard.press("Tab");
    const o = await page.evaluate(() => { const s = getComputedStyle(document.activeElement); return { style: s.outlineStyle, width: s.outlineWidth }; });
    assert.deepEqual(o, { style: "solid", width: "2px" });
    await ctx.close();
  });
});

describe("screen readers", () => {
  it("announces what loaded (and what failed) in a polite live region", async () => {
    const { page, ctx } = await openPage(browser, server.url + "#s=aos-upgrade-failed.json");
    await loaded(page);
    await page.waitForFunction(() => /AOS upgrade that failed is shown\./.test(document.getElementById("announce").textContent));
    assert.equal(await page.locator("#announce").getAttribute("aria-live"), "polite");
    await page.click(tid("samples-menu") + " > summary");
    await page.click(tid("sample-item") + '[data-file="broken-invalid.json"]');
    await loaded(page);
    await page.waitForFunction(() => /cannot be read: invalid_json/.test(document.getElementById("announce").textContent));
    assert.equal(await page.locator(tid("error")).getAttribute("role"), "alert");
    await ctx.close();
  });

  it("the summary's progress bar has a name and a value", async () => {
    const { page, ctx } = await openPage(browser, server.url + "#s=aos-upgrade-failed.json", { locale: "zh-CN" });
    await loaded(page);
    const bar = page.locator('[role="progressbar"]');
    assert.equal(await bar.getAttribute("aria-label"), "执行进度");
    assert.equal(await bar.getAttribute("aria-valuenow"), "62");
    assert.match(await bar.getAttribute("aria-valuetext"), /上报 62%/);
    await ctx.close();
  });
});

describe("not by colour alone, and no motion for who asks", () => {
  it("each phase's mark carries its own glyph", async () => {
    const { page, ctx } = await openPage(browser, server.url + "#s=aos-upgrade-failed.json");
    await loaded(page);
    const glyphs = await page.evaluate(() => Object.fromEntries(Array.from(document.querySelectorAll('[data-testid="phase-chips"] .chip[data-phase]:not([data-phase="all"])'),
      (c) => [c.dataset.phase, getComputedStyle(c.querySelector(".dot"), "::before").content])));
    assert.deepEqual(glyphs, { Pending: '"…"', Running: '"▶"', Succeeded: '"✓"', Failed: '"✕"', Cancelled: '"⊘"', Skipped: '"↷"', Unknown: '"?"' });
    // The chips' glyphs are those the canvases draw (lane labels, graph boxes).
    const icons = await page.evaluate(async () => (await import("./js/render/phase-marks.js")).PHASE_ICONS);
    assert.deepEqual(glyphs, Object.fromEntries(Object.keys(glyphs).map((k) => [k, JSON.stringify(icons[k])])));
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="run-phase"] .dot'), "::before").content), '"✕"');
    await ctx.close();
  });

  it("a failed bar and a cancelled bar carry stripes (opposite ways), a succeeded bar none; the lane labels carry the phase's icon", async () => {
    const core = await loadCore();
    const lanes = core.timeline(fs.readFileSync(path.join(SAMPLES, "aos-upgrade-failed.json"), "utf8")).lanes;
    const { page, ctx } = await openPage(browser, server.url + "#s=aos-upgrade-failed.json");
    await loaded(page);
    /** The second row of pixels (above any duration text) of a lane's bar across the plot: the distinct colours it has, and the x where each stripe starts. */
    const stripes = (id) => page.evaluate(({ row }) => {
      const c = /** @type {HTMLCanvasElement} */ (document.querySelector('[data-testid="timeline-canvas"]'));
      const dpr = c.width / c.clientWidth;
      const AXIS_H = 30, LANE_H = 22, BAR_H = 14;
      const y = Math.round((AXIS_H + row * LANE_H + (LANE_H - BAR_H) / 2 + 1) * dpr);
      const d = c.getContext("2d").getImageData(0, y, c.width, 1).data;
      // The bar: the longest run of pixels that are far from the row's background (its first pixel right of the gutter).
      const bg = [d[(c.width - 4) * 4], d[(c.width - 4) * 4 + 1], d[(c.width - 4) * 4 + 2]];
      const far = (i) => Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > 60;
      let best = [0, 0], start = -1;
      const x0 = Math.round(240 * dpr);
      for (let x = x0; x <= c.width; x++) {
        const on = x < c.width && far(x * 4);
        if (on && start < 0) start = x;
        if (!on && start >= 0) { if (x - start > best[1] - best[0]) best = [start, x]; start = -1; }
      }
      const colours = new Set();
      for (let x = best[0] + 2; x < best[1] - 2; x++) colours.add([d[x * 4] >> 4, d[x * 4 + 1] >> 4, d[x * 4 + 2] >> 4].join(","));
      return { width: best[1] - best[0], colours: colours.size };
    }, { row: lanes.findIndex((l) => l.id === id) });
    const failed = await stripes("shop-api-deployment");
    const cancelled = await stripes("shop-web-deployment");
    const succeeded = await stripes("shop-rds");
    assert.ok(failed.width > 20 && cancelled.width > 20 && succeeded.width > 20, JSON.stringify({ failed, cancelled, succeeded }));
    assert.ok(failed.colours >= 2, "the failed bar is striped: " + JSON.stringify(failed));
    assert.ok(cancelled.colours >= 2, "the cancelled bar is striped: " + JSON.stringify(cancelled));
    assert.equal(succeeded.colours, 1, "the succeeded bar is plain: " + JSON.stringify(succeeded));
    // The legend's swatches show the same stripes.
    const legend = await page.evaluate(() => Object.fromEntries(["failed", "cancelled", "succeeded"].map((p) => [p, getComputedStyle(document.querySelector(".tl-legend .sw.ph-" + p)).backgroundImage])));
    assert.match(legend.failed, /repeating-linear-gradient\(45deg/);
    assert.match(legend.cancelled, /repeating-linear-gradient\(-45deg/);
    assert.equal(legend.succeeded, "none");
    await ctx.close();
  });

  it("prefers-reduced-motion stops the running badge's pulse", async () => {
    const dur = async (reducedMotion) => {
      const { page, ctx } = await openPage(browser, server.url + "#s=gcs-running.json", { reducedMotion });
      await loaded(page);
      const d = await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="run-phase"] .dot')).animationName);
      await ctx.close();
      return d;
    };
    assert.equal(await dur("no-preference"), "pulse");
    assert.equal(await dur("reduce"), "none");
  });
});
