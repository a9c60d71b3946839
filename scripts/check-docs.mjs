#!/usr/bin/env node
// Checks the links of every Markdown file in the repository (run by `make lint`):
// a relative link must name a file or directory that exists, and an anchor
// (`#section`, `file.md#section`) a heading or `<a id>` of that file, with
// GitHub's heading ids. Links in code blocks and code spans are not links;
// absolute URLs (https:, mailto: …) are not fetched.
//
//   node scripts/check-docs.mjs [ROOT]     check ROOT (default: the repository)
//   node scripts/check-docs.mjs --self-test  prove on made-up files that broken links are caught
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SKIP_DIRS = new Set([".git", "node_modules", "target", "pkg", "pkg-npm", "dist", "build", "artifacts", "corpus", "results"]);

/** Every .md file under root (build output and dependencies aside), sorted. */
function markdownFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !(dir === path.join(root, "www") && entry.name === "pkg")) walk(path.join(dir, entry.name));
      } else if (entry.name.endsWith(".md")) {
        out.push(path.join(dir, entry.name));
      }
    }
  };
  walk(root);
  return out.sort();
}

/** The text with fenced code blocks and code spans blanked (line numbers kept). */
function prose(text) {
  let fence = null;
  return text
    .split("\n")
    .map((line) => {
      const m = /^\s*(`{3,}|~{3,})/.exec(line);
      if (m) {
        if (fence === null) fence = m[1][0];
        else if (m[1][0] === fence) fence = null;
        return "";
      }
      if (fence !== null) return "";
      return line.replace(/(`+)[\s\S]*?\1/g, (s) => " ".repeat(s.length));
    })
    .join("\n");
}

/** GitHub's id for a heading's text. */
export function slug(heading) {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // links and images: their text
    .replace(/<[^>]+>/g, "") // inline HTML
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

const anchorCache = new Map();

/** The anchors a Markdown file defines: heading ids (duplicates numbered) and <a id/name>. */
function anchorsOf(file) {
  if (anchorCache.has(file)) return anchorCache.get(file);
  const raw = fs.readFileSync(file, "utf8");
  const anchors = new Set();
  const seen = new Map();
  let fence = null;
  for (const line of raw.split("\n")) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1][0];
      else if (f[1][0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const h = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      const base = slug(h[1].replace(/`/g, ""));
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const a of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(a[1]);
  }
  anchorCache.set(file, anchors);
  return anchors;
}

/** Problems with the links of one Markdown file: ["file:line: message"]. */
function checkFile(file, root) {
  const problems = [];
  const lines = prose(fs.readFileSync(file, "utf8")).split("\n");
  const rel = path.relative(root, file);
  lines.forEach((line, i) => {
    const targets = [
      ...[...line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
      ...[...line.matchAll(/^\s*\[[^\]]+\]:\s+<?(\S+?)>?(?:\s|$)/g)].map((m) => m[1]),
      ...[...line.matchAll(/<(?:img|a)\s[^>]*(?:src|href)="([^"]+)"/g)].map((m) => m[1]),
    ];
    for (const target of targets) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) continue; // an absolute URL
      const [pathPart, anchor] = target.split("#");
      let dest = file;
      if (pathPart !== "") {
        const decoded = decodeURIComponent(pathPart);
        dest = path.resolve(path.dirname(file), decoded);
        if (!fs.existsSync(dest)) {
          problems.push(`${rel}:${i + 1}: ${target}: no such file or directory`);
          continue;
        }
        if (path.relative(root, dest).startsWith("..")) {
          problems.push(`${rel}:${i + 1}: ${target}: outside the repository`);
          continue;
        }
      }
      if (anchor !== undefined && anchor !== "") {
        if (!dest.endsWith(".md")) continue; // line anchors of source files (#L10) and the like
        if (!anchorsOf(dest).has(decodeURIComponent(anchor))) {
          problems.push(`${rel}:${i + 1}: ${target}: no heading or anchor "${anchor}" in ${path.relative(root, dest)}`);
        }
      }
    }
  });
  return problems;
}

export function check(root) {
  const files = markdownFiles(root);
  const problems = files.flatMap((f) => checkFile(f, root));
  return { files, problems };
}

function selfTest() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-docs-"));
  try {
    fs.mkdirSync(path.join(dir, "docs"));
    fs.writeFileSync(
      path.join(dir, "docs", "guide.md"),
      [
        "# Guide",
        "## Loading the .wasm yourself",
        "## summarize(input, options?) → Summary",
        "## Node.js",
        "## Node.js",
        "## 中文 / English",
        '<a id="custom"></a>',
        "```",
        "[in a block](missing-in-block.md)",
        "```",
      ].join("\n"),
    );
    fs.writeFileSync(
      path.join(dir, "README.md"),
      [
        "[ok](docs/guide.md) [ok](docs/guide.md#loading-the-wasm-yourself) [ok](docs/guide.md#summarizeinput-options--summary)",
        "[ok](docs/guide.md#nodejs) [ok](docs/guide.md#nodejs-1) [ok](docs/guide.md#中文--english) [ok](docs/guide.md#custom)",
        "[ok](docs/) [ok](#top) [ok](https://example.invalid/x) `[not a link](nowhere.md)`",
        "# Top",
        "[bad file](docs/nope.md)",
        "[bad anchor](docs/guide.md#nope)",
        "[bad here](#nowhere)",
        "![bad image](docs/missing.png)",
        "[bad ref]: docs/gone.md",
      ].join("\n"),
    );
    const { files, problems } = check(dir);
    const want = [
      "README.md:5: docs/nope.md: no such file or directory",
      'README.md:6: docs/guide.md#nope: no heading or anchor "nope" in docs/guide.md',
      'README.md:7: #nowhere: no heading or anchor "nowhere" in README.md',
      "README.md:8: docs/missing.png: no such file or directory",
      "README.md:9: docs/gone.md: no such file or directory",
    ];
    if (files.length !== 2 || JSON.stringify(problems) !== JSON.stringify(want)) {
      console.error(`check-docs: self-test FAILED\nexpected:\n  ${want.join("\n  ")}\nfound:\n  ${problems.join("\n  ")}`);
      process.exit(1);
    }
    console.log(`check-docs: self-test ok (${want.length} broken links caught, 9 good ones passed)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--self-test")) {
    selfTest();
  } else {
    const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), ".."));
    const { files, problems } = check(root);
    if (problems.length) {
      console.error(`check-docs: ${problems.length} broken link(s) in ${files.length} Markdown files:\n  ${problems.join("\n  ")}`);
      process.exit(1);
    }
    console.log(`check-docs: ok: every relative link and anchor in ${files.length} Markdown files resolves`);
  }
}
