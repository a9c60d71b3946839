// The package's TypeScript types, checked by `tsc --strict --noEmit` from a
// consumer's point of view (the package installed from its tarball):
//   1. the consumer file compiles, with bundler and with NodeNext resolution;
//   2. the deliberate-error file fails, with exactly the errors it announces;
//   3. the real output of every payload satisfies the declared shapes
//      (`satisfies`: wrong field types, missing fields and extra fields all fail),
//      and a mutated copy of one output is caught (the check can fail).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { BUILD, HERE, diagnostics, importConsumer, loadInputs, tsc } from "./helpers.mjs";

test("the consumer file type-checks (tsc --strict --noEmit, bundler resolution, DOM lib)", () => {
  const r = tsc("-p", "tsconfig.json", "--strict", "--noEmit");
  assert.equal(r.status, 0, r.output);
});

test("the consumer file type-checks with NodeNext resolution and no DOM lib", () => {
  const r = tsc("-p", "tsconfig.nodenext.json", "--strict", "--noEmit");
  assert.equal(r.status, 0, r.output);
});

test("types-fail/wrong-types.ts fails to compile, for exactly the announced reasons", () => {
  const file = "types-fail/wrong-types.ts";
  const expected = [];
  fs.readFileSync(path.join(HERE, file), "utf8")
    .split("\n")
    .forEach((text, i) => {
      const m = /\/\/ expect (TS\d+): (.*)$/.exec(text);
      if (m) expected.push({ line: i + 1, code: m[1], text: m[2].trim() });
    });
  assert.ok(expected.length >= 10, "the file announces its errors");

  const r = tsc("-p", "tsconfig.fail.json", "--strict", "--noEmit");
  assert.notEqual(r.status, 0, "tsc must fail on the deliberate errors");
  const got = diagnostics(r.output);
  assert.ok(got.length > 0, `no diagnostics parsed from:\n${r.output}`);
  for (const d of got) assert.equal(d.file, file, `an error outside ${file}: ${JSON.stringify(d)}`);
  assert.deepEqual(
    got.map((d) => `${d.line} ${d.code}`),
    expected.map((e) => `${e.line} ${e.code}`),
    `tsc's errors differ from the announced ones:\n${r.output}`,
  );
  for (const [i, e] of expected.entries()) {
    assert.ok(got[i].text.includes(e.text), `line ${e.line}: "${got[i].text}" does not contain "${e.text}"`);
  }
});

/** One `export const` per value, each on one line: `<json> satisfies <Type>`. */
function satisfiesFile(entries) {
  const types = new Set(["ExecscopeError"]);
  for (const [type] of entries) if (type !== "Thrown") types.add(type.replace("[]", ""));
  const lines = [
    `import type { ${[...types].sort().join(", ")} } from "execscope";`,
    `type Thrown = Pick<ExecscopeError, "name" | "message" | "code" | "line" | "column" | "offset">;`,
  ];
  for (const [i, [type, value]] of entries.entries()) {
    lines.push(`export const v${i} = ${JSON.stringify(value)} satisfies ${type};`);
  }
  return lines.join("\n") + "\n";
}

function checkGenerated(name, entries) {
  fs.mkdirSync(BUILD, { recursive: true });
  fs.writeFileSync(path.join(BUILD, `${name}.ts`), satisfiesFile(entries));
  fs.writeFileSync(
    path.join(BUILD, `tsconfig.${name}.json`),
    JSON.stringify({ extends: "../tsconfig.json", include: [`./${name}.ts`] }, null, 2),
  );
  return tsc("-p", path.join("build", `tsconfig.${name}.json`), "--strict", "--noEmit");
}

test("the real output of every payload satisfies the declared types", async () => {
  const { exercise } = await importConsumer();
  const report = exercise(loadInputs());
  const entries = [];
  for (const [name, r] of Object.entries(report.rendered)) {
    if ("error" in r) continue;
    entries.push(["Summary", r.summary]);
    for (const t of r.timelines) entries.push(["Timeline", t.timeline]);
    if (r.events) entries.push(["Event[]", r.events]);
    for (const [key, value] of Object.entries(r)) {
      if (key.endsWith("objectData") || key.endsWith("ObjectData")) {
        if (!("error" in value)) entries.push(["DecodedObjectData", value]);
      }
    }
    entries.push(["Format", report.detected[name]]);
  }
  for (const e of Object.values(report.errors)) {
    if (e === null) continue;
    const { instanceOfError, ...fields } = e;
    entries.push(["Thrown", fields]);
    entries.push(["ErrorCode", fields.code]);
  }
  // compare(a, b): two runs of the same stack, a run against itself, two formats.
  const execscope = await import("execscope");
  if (typeof execscope.compare === "function") {
    const inputs = loadInputs();
    const text = (f) => inputs[`${f}.json`].text;
    for (const [a, b] of [
      ["seed-aos-execution", "aos-upgrade-failed"],
      ["aos-upgrade-failed", "aos-upgrade-failed"],
      ["gcs-running", "gcs-succeeded-map"],
      ["workflow-history-failure", "seed-workflow-executions"],
    ]) {
      entries.push(["Comparison", execscope.compare(text(a), text(b))]);
    }
  }
  assert.ok(entries.filter(([t]) => t === "Summary").length >= 15, "every payload's summary is checked");
  const r = checkGenerated("real-output", entries);
  assert.equal(r.status, 0, `real output does not satisfy the declared types:\n${r.output.slice(0, 4000)}`);

  // Control: the same check catches a wrong value, a wrong type and an extra field.
  const summary = report.rendered["aos-upgrade-failed"].summary;
  const mutate = (f) => {
    const copy = structuredClone(summary);
    f(copy.runs[0]);
    return ["Summary", copy];
  };
  const control = checkGenerated("real-output-control", [
    ["Summary", summary],
    mutate((run) => (run.phase = "Done")),
    mutate((run) => (run.startedAt = "2024-05-13T08:21:07Z")),
    mutate((run) => (run.extra = true)),
    mutate((run) => delete run.finishedAt),
  ]);
  assert.notEqual(control.status, 0, "the mutated outputs must not satisfy Summary");
  const lines = diagnostics(control.output).map((d) => d.line);
  // Line 1-2 are the imports; v0 (line 3) is the real one; v1..v4 the mutations.
  assert.deepEqual([...new Set(lines)], [4, 5, 6, 7], control.output.slice(0, 4000));
});

// The string unions of the shipped .d.ts against the Rust enums they describe
// (src/*.rs, serde's rename_all applied): a code the reader can emit but the
// types do not list, or one they list that nothing emits, fails here even when
// no payload happens to produce it.
const CASES = {
  snake: (v) => v.replace(/(?<!^)([A-Z])/g, "_$1").toLowerCase(),
  kebab: (v) => v.replace(/(?<!^)([A-Z])/g, "-$1").toLowerCase(),
  lower: (v) => v.toLowerCase(),
  none: (v) => v,
};

function rustVariants(file, name) {
  const src = fs.readFileSync(path.join(HERE, "../..", file), "utf8");
  const m = new RegExp(`#\\[serde\\(rename_all = "([^"]+)"\\)\\][^{]*?pub enum ${name} \\{([\\s\\S]*?)\\n\\}`).exec(src);
  const plain = m ? null : new RegExp(`pub enum ${name} \\{([\\s\\S]*?)\\n\\}`).exec(src);
  assert.ok(m || plain, `${file}: pub enum ${name} not found`);
  const rename = { snake_case: CASES.snake, "kebab-case": CASES.kebab, lowercase: CASES.lower }[m ? m[1] : ""] ?? CASES.none;
  const body = m ? m[2] : plain[1];
  const out = [];
  let explicit = null;
  for (const line of body.split("\n")) {
    const r = /#\[serde\(rename = "([^"]+)"\)\]/.exec(line);
    if (r) explicit = r[1];
    const v = /^\s*([A-Z][A-Za-z0-9]*)\s*(,|\(|\{|$)/.exec(line);
    if (v && !line.trim().startsWith("//")) {
      out.push(explicit ?? rename(v[1]));
      explicit = null;
    }
  }
  return out.sort();
}

function dtsUnion(dts, pattern) {
  // Doc comments inside a union (a `;` or a quoted word in one) are not members.
  const m = pattern.exec(dts.replace(/\/\*[\s\S]*?\*\//g, ""));
  assert.ok(m, `execscope.d.ts: ${pattern} not found`);
  return [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]).sort();
}

test("the .d.ts unions list exactly the values the Rust enums serialize to", () => {
  const dts = fs.readFileSync(path.join(HERE, "node_modules/execscope/execscope.d.ts"), "utf8");
  const alias = (name) => new RegExp(`export type ${name} =([^;]*);`);
  const field = (iface, f) => new RegExp(`export interface ${iface} \\{[\\s\\S]*?\\n\\s*${f}: ([^;]*);`);
  const pairs = [
    [["src/error.rs", "ErrorCode"], alias("ErrorCode")],
    [["src/error.rs", "WarningCode"], alias("WarningCode")],
    [["src/model.rs", "Format"], alias("Format")],
    [["src/phase.rs", "Phase"], alias("Phase")],
    [["src/model.rs", "MarkerKind"], alias("MarkerKind")],
    [["src/objectdata.rs", "Status"], field("DecodedObjectData", "status")],
    [["src/objectdata.rs", "DataFormat"], field("DecodedObjectData", "format")],
  ];
  for (const [[file, name], pattern] of pairs) {
    assert.deepEqual(dtsUnion(dts, pattern), rustVariants(file, name), `${name} (${file}) vs execscope.d.ts`);
  }
});
