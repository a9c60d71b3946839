// README.md's JavaScript guide ("Use from JavaScript"), followed by the letter: every ```js block that starts with
// `// example` runs in Node from samples/ (importing the installed package), and
// each `console.log(...); // → text` line must print exactly `text` (a
// `// e.g.` line prints anything); every ```ts block type-checks under
// `tsc --strict --noEmit`.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { BUILD, REPO, tsc } from "./helpers.mjs";

const README = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
const DOC = /^## Use from JavaScript\n([\s\S]*?)(?=^## )/m.exec(README)?.[1] ?? "";
const blocks = [...DOC.matchAll(/^```(js|ts)\n([\s\S]*?)^```$/gm)].map((m) => ({
  lang: m[1],
  code: m[2],
}));
const examples = blocks.filter((b) => b.lang === "js" && b.code.startsWith("// example\n"));

test("README.md (JavaScript) has runnable examples for every documented function", () => {
  const code = examples.map((b) => b.code).join("\n");
  for (const name of ["summarize", "timeline", "events", "decodeObjectData", "rawJson", "detect", "version"]) {
    assert.match(code, new RegExp(`\\b${name}\\(`), `an example calls ${name}()`);
  }
});

for (const [i, { code }] of examples.entries()) {
  const title = code.split("\n").find((l) => l.endsWith('from "execscope";')) ?? `example ${i + 1}`;
  test(`README.md (JavaScript) example ${i + 1} prints what it says (${title})`, () => {
    const expected = [];
    for (const line of code.split("\n")) {
      const arrow = /console\.log\(.*\/\/ → (.*)$/.exec(line);
      if (arrow) expected.push(arrow[1]);
      else if (/console\.log\(.*\/\/ e\.g\./.test(line)) expected.push(null);
    }
    fs.mkdirSync(BUILD, { recursive: true });
    const file = path.join(BUILD, `doc-example-${i + 1}.mjs`);
    fs.writeFileSync(file, code);
    const out = execFileSync(process.execPath, [file], { cwd: path.join(REPO, "samples"), encoding: "utf8" });
    const lines = out.replace(/\n$/, "").split("\n");
    assert.equal(lines.length, expected.length, `printed:\n${out}`);
    expected.forEach((want, j) => {
      if (want !== null) assert.equal(lines[j], want, `line ${j + 1} of the output`);
    });
  });
}

test("README.md (JavaScript)'s TypeScript blocks type-check", () => {
  const ts = blocks.filter((b) => b.lang === "ts");
  assert.ok(ts.length >= 1);
  fs.mkdirSync(BUILD, { recursive: true });
  const files = ts.map((b, i) => {
    const f = `doc-${i + 1}.ts`;
    fs.writeFileSync(path.join(BUILD, f), `${b.code}\nexport {};\n`);
    return `./${f}`;
  });
  fs.writeFileSync(path.join(BUILD, "tsconfig.docs.json"), JSON.stringify({ extends: "../tsconfig.json", include: files }));
  const r = tsc("-p", path.join("build", "tsconfig.docs.json"), "--strict", "--noEmit");
  assert.equal(r.status, 0, r.output);
});
