#!/usr/bin/env node
// Screenshots of the page's views, light and dark, into docs/screenshots/:
//
//   cd tests/page && node screenshots.mjs [--out DIR] [--only PREFIX]   (--only graph: the graph's only)
//
//   joined-run-{light,dark}.png     an AOS execution and its events joined into one run
//   join-details-{light,dark}.png   the timeline of that run, an element's details (where its start came from)
//   replay-{light,dark}.png         the polling replay after 5 of 8 polls
//   frames-{light,dark}.png         a 60,000-event, ~28,000-lane run drawn from the core's frames (zoomed in)
//   graph-root-cause-{light,dark}.png  the failed upgrade's root cause in the summary, highlighted in the dependency graph
//   graph-critical-path-{light,dark}.png  its critical path: the steps and their shares, highlighted in the graph and on the timeline
//   zh-CN-overview-{light,dark}.png   the interface in 简体中文 (a browser set to zh-CN): a failed AOS upgrade
//   zh-CN-joined-run-{light,dark}.png the same run joined with its events: sources, conflicts, timeline, events
//   (the Chinese shots need a CJK font on the machine: Debian's fonts-noto-cjk; --only zh-CN writes them alone)
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { launch, serve, tmpDir, ROOT } from "./harness.mjs";

const i = process.argv.indexOf("--out");
const out = path.resolve(i > 0 ? process.argv[i + 1] : path.join(ROOT, "docs", "screenshots"));
fs.mkdirSync(out, { recursive: true });
const o = process.argv.indexOf("--only");
const only = o > 0 ? process.argv[o + 1] : "";
const dir = tmpDir("shots");
const server = await serve();
const browser = await launch();

async function shot(name, url, theme, prepare, clip, locale = "en-US") {
  if (only && !name.startsWith(only)) return;
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 }, colorScheme: theme, deviceScaleFactor: 1, locale });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 60000 });
  if (prepare) await prepare(page);
  await page.waitForTimeout(400);
  const file = path.join(out, name + "-" + theme + ".png");
  if (clip === "full") await page.screenshot({ path: file, fullPage: true });
  else if (typeof clip === "function") await page.screenshot({ path: file, clip: await clip(page) });
  else await page.screenshot({ path: file });
  console.log("wrote " + path.relative(ROOT, file));
  await ctx.close();
}

const joined = async (page) => {
  await page.waitForSelector('[data-testid="doc"][data-kind="join"][data-loaded="true"]', { timeout: 60000 });
};

try {
  const big = path.join(dir, "events-60k.json");
  if (!only || "frames".startsWith(only)) fs.writeFileSync(big, execFileSync(process.execPath, [path.join(ROOT, "bench", "gen.mjs"), "execution-events", "60000", "3"], { maxBuffer: 1 << 30 }));
  for (const theme of ["light", "dark"]) {
    await shot("zh-CN-overview", server.url + "#s=aos-upgrade-failed.json&lane=shop-api-deployment", theme, async (page) => {
      await page.waitForSelector('[data-testid="doc"][data-loaded="true"]', { timeout: 60000 });
    }, "full", "zh-CN");
    await shot("zh-CN-joined-run", server.url + "#s=aos-upgrade-failed.json,aos-upgrade-failed-events.json&tab=2", theme, joined, "full", "zh-CN");
    await shot("joined-run", server.url + "#s=aos-upgrade-failed.json,aos-upgrade-failed-events.json&tab=2", theme, joined);
    await shot("join-details", server.url + "#s=aos-upgrade-failed.json,aos-upgrade-failed-events.json&tab=2&lane=shop-configmap", theme, async (page) => {
      await joined(page);
      await page.waitForSelector('[data-testid="details"]');
      await page.locator("#sec-timeline").scrollIntoViewIfNeeded();
      await page.evaluate(() => document.getElementById("sec-timeline").scrollIntoView({ block: "start" }));
      const c = await page.locator('[data-testid="timeline-canvas"]').boundingBox();
      await page.mouse.move(c.x + c.width * 0.45, c.y + 30 + 22 + 11); // the second lane's span
      await page.waitForSelector('[data-testid="timeline-tooltip"]:not([hidden])').catch(() => {});
    });
    // the dependency graph: from the summary's root cause to the graph's bottom
    await shot("graph-root-cause", server.url + "#s=aos-upgrade-failed.json&show=graph&hl=root", theme, async (page) => {
      await page.waitForSelector('[data-testid="graph"][data-view]', { timeout: 60000 });
      // (below the sticky header and tabs)
      await page.evaluate(() => window.scrollTo(0, document.querySelector('[data-testid="root-cause"]').getBoundingClientRect().top + window.scrollY - 110));
    }, async (page) => {
      const a = await page.locator('[data-testid="root-cause"]').boundingBox();
      const b = await page.locator('[data-testid="graph-canvas"]').boundingBox();
      return { x: 0, y: a.y - 12, width: 1440, height: b.y + b.height - a.y + 24 };
    });
    await shot("graph-critical-path", server.url + "#s=aos-upgrade-failed.json&show=both&hl=path", theme, async (page) => {
      await page.waitForSelector('[data-testid="graph"][data-view]', { timeout: 60000 });
      await page.waitForSelector('[data-testid="critical-path"]');
      await page.evaluate(() => window.scrollTo(0, document.getElementById("sec-timeline").getBoundingClientRect().top + window.scrollY - 100));
    }, async (page) => {
      const s = await page.locator("#sec-timeline").boundingBox();
      return { x: s.x, y: s.y, width: s.width, height: Math.min(s.height, 1000 - s.y) };
    });
    await shot("replay", server.url + "replay.html#series=pay-gateway-upgrade&at=5", theme, async (page) => {
      await page.waitForFunction(() => document.querySelector('[data-testid="replay-status"]')?.dataset.added === "5");
    }, "full");
    await shot("frames", server.url, theme, async (page) => {
      await page.setInputFiles('[data-testid="file-input"]', big);
      await page.waitForSelector('[data-testid="doc"][data-loaded="true"]', { timeout: 300000 });
      await page.evaluate(() => document.getElementById("sec-timeline").scrollIntoView({ block: "start" }));
      const canvas = page.locator('[data-testid="timeline-canvas"]');
      await canvas.focus();
      // Zoom into the middle of the run and scroll to the lanes running then (lanes are in start order).
      for (let k = 0; k < 12; k++) await page.keyboard.press("w");
      await page.evaluate(() => {
        const s = document.querySelector('[data-testid="timeline-canvas"]').parentElement;
        const n = Number(document.querySelector('[data-testid="lane-count"]').textContent.replace(/\D/g, ""));
        s.scrollTop = 22 * Math.round(n / 2 - 14);
      });
      await page.waitForTimeout(800);
      await page.evaluate(() => document.activeElement && document.activeElement.blur());
      const c = await canvas.boundingBox();
      await page.mouse.move(c.x + c.width * 0.62, c.y + 30 + 22 * 13 + 11);
      await page.waitForSelector('[data-testid="timeline-tooltip"]:not([hidden])', { timeout: 5000 }).catch(() => {});
    });
  }
} finally {
  await browser.close();
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
