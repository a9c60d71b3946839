// Screenshots of every view, light and dark, saved under docs/screenshots/ and
// shown in the README. Each view must be on screen (its data-testid visible and
// non-empty) before it is taken, so a broken view fails here too.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, SAMPLES, launch, serve, openPage, loaded, tid } from "./harness.mjs";

const OUT = path.join(ROOT, "docs", "screenshots");

// [file name, sample, what to capture: a data-testid or "page"]
const VIEWS = [
  ["overview", "aos-upgrade-failed.json", "page"],
  ["summary", "aos-upgrade-failed.json", "summary"],
  ["timeline", "aos-upgrade-failed.json", "timeline"],
  ["object-data", "aos-upgrade-failed.json", "object-data"],
  ["events", "aos-upgrade-failed-events.json", "events"],
  ["workflow-history", "workflow-history-failure.json", "summary"],
  ["gcs-running", "gcs-running.json", "page"],
  ["error", "broken-invalid.json", "error"],
];

let browser, server;
before(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  browser = await launch();
  server = await serve();
});
after(async () => {
  await browser?.close();
  server?.close();
});

describe("screenshots (docs/screenshots/)", () => {
  for (const scheme of ["light", "dark"]) {
    for (const [name, sample, target] of VIEWS) {
      it(`${name} (${scheme})`, async () => {
        const { page, ctx, seen } = await openPage(browser, server.url, { colorScheme: scheme, height: 1000 });
        await page.setInputFiles(tid("file-input"), path.join(SAMPLES, sample));
        if (target !== "error") await loaded(page);
        const file = path.join(OUT, `${name}-${scheme}.png`);
        if (target === "page") {
          await page.screenshot({ path: file, fullPage: true });
        } else {
          const el = page.locator(tid(target)).first();
          await el.waitFor({ state: "visible", timeout: 60000 });
          assert.ok((await el.textContent()).trim().length > 0, `${target} is empty`);
          await el.scrollIntoViewIfNeeded();
          await page.waitForTimeout(150);
          await el.screenshot({ path: file });
        }
        assert.ok(fs.statSync(file).size > 5000, `${file} looks empty`);
        assert.deepEqual(seen.errors, []);
        assert.deepEqual(seen.external, []);
        await ctx.close();
      });
    }
  }
});
