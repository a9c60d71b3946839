// docs/javascript.md "webpack": the .wasm's URL resolved from the package with
// new URL("execscope/execscope_bg.wasm", import.meta.url), handed to
// "execscope/init". webpack must emit one .wasm file, the package's.
import init, { summarize, version } from "execscope/init";

declare global {
  interface Window {
    __wasmUrl?: { url: string; before: string; version: string; phase: string };
    __execscopeError?: string;
  }
}

async function main(): Promise<void> {
  let before = "no error";
  try {
    version();
  } catch (e) {
    before = (e as { code?: string }).code ?? String(e);
  }
  const wasmUrl = new URL("execscope/execscope_bg.wasm", import.meta.url);
  await init({ module_or_path: wasmUrl });
  const run = summarize('{"kind":"Execution","metadata":{"name":"w"},"status":{"objectStatus":{"phase":"Failed"}}}').runs[0];
  window.__wasmUrl = { url: wasmUrl.href, before, version: version(), phase: run?.phase ?? "none" };
}

main().catch((e: unknown) => {
  window.__execscopeError = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
});
