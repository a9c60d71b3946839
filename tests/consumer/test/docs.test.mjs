// The JavaScript guide (docs/javascript.md, the npm package's README) and the
// README's JavaScript example, followed by the letter:
//   - every ```js block that starts with `// example` runs in Node from samples/
//     (importing the installed package), and each `console.log(...); // → text`
//     line must print exactly `text` (a `// e.g.` line prints anything);
//   - those examples type-check as they are under `tsc --strict` (checkJs, Node's
//     resolution, @types/node): what a TypeScript user copies compiles;
//   - every ```ts block type-checks under `tsc --strict --noEmit` (tsconfig.json);
//   - the README.md the package ships is docs/javascript.md, links made absolute.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { BUILD, INSTALLED, REPO, tsc } from "./helpers.mjs";

const GUIDE = "docs/javascript.md";

/** The ```js / ```ts blocks of a markdown file: [{ lang, code, doc }]. */
function blocksOf(file) {
  const text = fs.readFileSync(path.join(REPO, file), "utf8");
  return [...text.matchAll(/^```(js|ts)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], code: m[2], doc: file }));
}

const blocks = [...blocksOf(GUIDE), ...blocksOf("README.md")];
const examples = blocks.filter((b) => b.lang === "js" && b.code.startsWith("// example\n"));

test(`${GUIDE} has runnable examples for every documented function, README.md one`, () => {
  const code = examples.filter((b) => b.doc === GUIDE).map((b) => b.code).join("\n");
  for (const name of ["summarize", "timeline", "events", "decodeObjectData", "rawJson", "detect", "version", "compare"]) {
    assert.match(code, new RegExp(`\\b${name}\\(`), `an example calls ${name}()`);
  }
  assert.match(code, /new Workspace\(\)/);
  assert.equal(examples.filter((b) => b.doc === "README.md").length, 1, "README.md's JavaScript example is marked // example");
});

for (const [i, { code, doc }] of examples.entries()) {
  const title = code.split("\n").find((l) => l.endsWith('from "execscope";')) ?? `example ${i + 1}`;
  test(`${doc} example ${i + 1} prints what it says (${title})`, () => {
    const expected = [];
    for (const line of code.split("\n")) {
      const arrow = /console\.log\(.*\/\/ → (.*)$/.exec(line);
      if (arrow) expected.push(arrow[1]);
      else if (/console\.log\(.*\/\/ e\.g\./.test(line)) expected.push(null);
    }
    assert.ok(expected.length > 0, "the example says what it prints");
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

test("the JavaScript examples type-check under tsc --strict (checkJs, NodeNext, @types/node)", () => {
  const dir = path.join(BUILD, "doc-js");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = examples.map((b, i) => {
    const f = `example-${i + 1}.mjs`;
    fs.writeFileSync(path.join(dir, f), b.code);
    return `./${f}`;
  });
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2022"],
        types: ["node"],
        allowJs: true,
        checkJs: true,
        strict: true,
        noEmit: true,
        skipLibCheck: false,
      },
      files,
    }),
  );
  const r = tsc("-p", path.join("build", "doc-js", "tsconfig.json"));
  assert.equal(r.status, 0, r.output);
});

test(`${GUIDE}'s TypeScript blocks type-check`, () => {
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

test(`the package's README.md is ${GUIDE}, with its links into the repository made absolute`, () => {
  const guide = fs.readFileSync(path.join(REPO, GUIDE), "utf8");
  const shipped = fs.readFileSync(path.join(INSTALLED, "README.md"), "utf8");
  const repository = JSON.parse(fs.readFileSync(path.join(INSTALLED, "package.json"), "utf8")).repository.url;
  const links = (text) => [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  // Same text once the links are put aside: nothing cut, nothing added.
  const strip = (text) => text.replace(/\]\(([^)\s]+)\)/g, "]()");
  assert.equal(strip(shipped), strip(guide));
  const relative = links(guide).filter((l) => !l.startsWith("#") && !/^[a-z][a-z0-9+.-]*:/i.test(l));
  assert.ok(relative.length >= 3, "the guide links into the repository");
  for (const link of links(shipped)) {
    assert.ok(link.startsWith("#") || /^https:\/\//.test(link), `a link on npm must be absolute or in-page: ${link}`);
    if (link.startsWith("#")) continue;
    if (link.startsWith(repository)) {
      const file = link.slice(repository.length).replace(/^\/(blob|tree)\/[^/]+\//, "").split("#")[0];
      assert.ok(fs.existsSync(path.join(REPO, file)), `${link}: ${file} is not in the repository`);
    }
  }
});
