// Set-up of the injection suite: what both browser suites share (paths,
// Chromium, the served www/, the single-file build) comes from
// tests/shared/browser.mjs; here, the CSP stripping and the page's own tag list.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import * as shared from "../shared/browser.mjs";

export const ROOT = shared.ROOT;
// EXECSCOPE_SRC_ROOT: take www/, scripts/ and samples/ from another tree (e.g. a
// `git archive HEAD` export) while the working tree's page is being edited.
export const SRC_ROOT = path.resolve(process.env.EXECSCOPE_SRC_ROOT || ROOT);
export const SAMPLES = path.join(SRC_ROOT, "samples");
export const WWW = path.join(SRC_ROOT, "www");
export const { chromiumPath, pkgDir } = shared;

export const tmpDir = (/** @type {string} */ name) => shared.tmpDir("execscope-inj-", name);
export const launch = () => shared.launch(chromium);

/** Serve a copy of www/ (with the package as www/pkg) and samples/. */
export const serve = () => shared.serve({ www: WWW, samples: SAMPLES, prefix: "execscope-inj-" });

/** Build dist/execscope.html into a temporary directory; returns {file, dir}. */
export const buildDist = () => shared.buildDist({ scripts: path.join(SRC_ROOT, "scripts"), samples: SAMPLES, prefix: "execscope-inj-" });

/** The page's CSP meta tag (served www/index.html or dist). */
export const CSP_META_RE = /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/?>/gi;

export function stripCsp(html) {
  const out = html.replace(CSP_META_RE, "");
  if (out === html) throw new Error("no CSP meta tag to strip: the suite's no-CSP pass would test nothing");
  return out;
}

/** Tag names the page's own code creates: h("tag" / createElement("tag") in www/js, plus index.html. */
export function pageTags() {
  const tags = new Set();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".js") || e.name.endsWith(".mjs")) {
        const src = fs.readFileSync(p, "utf8");
        for (const m of src.matchAll(/\bh\(\s*["']([a-z][a-z0-9-]*)["']/g)) tags.add(m[1]);
        for (const m of src.matchAll(/createElement(?:NS)?\(\s*(?:["'][^"']*["']\s*,\s*)?["']([a-z][a-z0-9-]*)["']/g)) tags.add(m[1]);
      }
    }
  };
  walk(path.join(WWW, "js"));
  const html = fs.readFileSync(path.join(WWW, "index.html"), "utf8");
  for (const m of html.matchAll(/<([a-z][a-z0-9-]*)[\s>]/g)) tags.add(m[1]);
  // Never acceptable, whatever the source says: these are what an injection creates.
  for (const t of FORBIDDEN_TAGS) tags.delete(t);
  return [...tags].sort();
}

export const FORBIDDEN_TAGS = ["script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link",
  "style", "form", "img", "image", "svg", "math", "template", "video", "audio", "source", "track", "picture", "portal",
  "noscript", "xmp", "marquee", "isindex", "title", "body", "head", "html", "param", "iframe", "fencedframe"];
