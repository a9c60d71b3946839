// The conformance rules, shared by Node and the Chromium page: every file of
// JSONTestSuite goes through the wasm module's summarize() as a Uint8Array in
// strict mode (the same rules as the native tests/jsontestsuite.rs).
//
//   runSuite(api, files) -> { counts, failures }
//   api:   the module (summarize, timeline, detect, rawJson), initialized
//   files: [{ dir: "test_parsing" | "test_transform", name, bytes: Uint8Array }]
//
// Rules: nothing throws anything but an Error with a known `code` (a wasm trap
// would be a RuntimeError without one); y_ files pass the JSON layer (any code
// but invalid_json / too_deep); n_ files are invalid_json with line, column and
// offset; i_ files either way; wrapped 200 arrays deep, a file is invalid_json
// exactly when it was on its own, else too_deep; string input (the bytes
// decoded as UTF-8) never crashes either; afterwards the module still returns
// the known summary of samples/seed-aos-execution.json.

const CODES = new Set([
  "invalid_json",
  "unknown_format",
  "too_large",
  "too_deep",
  "invalid_base64",
  "invalid_option",
  "unknown_run",
]);

const STRICT = Object.freeze({ strict: true });

/** Runs fn; returns { value } or { code, error }; a throw without a known code is a crash. */
function attempt(fn) {
  try {
    return { value: fn() };
  } catch (error) {
    const code = error && typeof error === "object" ? error.code : undefined;
    if (!(error instanceof Error) || !CODES.has(code)) {
      return { crash: `${error?.name ?? typeof error}: ${error?.message ?? String(error)}` };
    }
    return { code, error };
  }
}

function wrap(bytes, depth) {
  const out = new Uint8Array(bytes.length + 2 * depth);
  out.fill(0x5b, 0, depth); // [
  out.set(bytes, depth);
  out.fill(0x5d, depth + bytes.length); // ]
  return out;
}

const isBlank = (bytes) => bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);

export function runSuite(api, files) {
  const failures = [];
  const counts = { y: 0, n: 0, i: 0, iInvalid: 0, wrapped: 0, transform: 0, transformInvalid: 0, strings: 0 };
  const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
  for (const { dir, name, bytes } of files) {
    const r = attempt(() => api.summarize(bytes, STRICT));
    if (r.crash) {
      failures.push(`${dir}/${name}: summarize crashed: ${r.crash}`);
      continue;
    }
    if (dir === "test_transform") {
      counts.transform += 1;
      if (r.code === "invalid_json") counts.transformInvalid += 1;
    } else if (name.startsWith("y_")) {
      counts.y += 1;
      if (r.code === "invalid_json" || r.code === "too_deep") {
        failures.push(`${name}: valid json rejected: ${r.code}: ${r.error.message}`);
      }
    } else if (name.startsWith("n_")) {
      counts.n += 1;
      if (r.code !== "invalid_json") {
        failures.push(`${name}: expected invalid_json, got ${r.code ?? `a ${r.value?.kind} summary`}`);
      } else if (![r.error.line, r.error.column, r.error.offset].every(Number.isInteger)) {
        failures.push(`${name}: invalid_json without line/column/offset`);
      }
    } else {
      counts.i += 1;
      if (r.code === "invalid_json") counts.iInvalid += 1;
    }
    if (dir === "test_parsing" && !isBlank(bytes)) {
      const w = attempt(() => api.summarize(wrap(bytes, 200), STRICT));
      const want = r.code === "invalid_json" ? "invalid_json" : "too_deep";
      if (w.crash) failures.push(`${name} wrapped: crashed: ${w.crash}`);
      else if (w.code !== want) failures.push(`${name} wrapped 200 deep: expected ${want}, got ${w.code ?? "a summary"}`);
      else counts.wrapped += 1;
    }
    for (const [what, fn] of [
      ["lenient summarize", () => api.summarize(bytes)],
      ["timeline", () => api.timeline(bytes, STRICT)],
      ["detect", () => api.detect(bytes, STRICT)],
      ["rawJson", () => api.rawJson(bytes)],
      ["string summarize", () => api.summarize(utf8.decode(bytes), STRICT)],
    ]) {
      const o = attempt(fn);
      if (o.crash) failures.push(`${dir}/${name}: ${what} crashed: ${o.crash}`);
    }
    counts.strings += 1;
  }
  return { counts, failures };
}

/** The known summary of samples/seed-aos-execution.json, after everything else. */
export function checkSeed(api, seedBytes) {
  const s = api.summarize(seedBytes);
  const run = s.runs[0];
  const got = { kind: s.kind, id: run.id, phase: run.phase, derived: run.progress.derived, warnings: s.warnings.length };
  const want = { kind: "aos-execution", id: "trim-4074942376", phase: "Succeeded", derived: 100, warnings: 0 };
  return JSON.stringify(got) === JSON.stringify(want) ? [] : [`seed summary: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`];
}
