// The Vite app: bundles src/consume.ts (and so the execscope package, its glue
// and its .wasm), fetches every sample and fixture as bytes, and publishes the
// report on window.__execscopeReport for test/browser.test.mjs.
import { exercise, type Input, type Report } from "../src/consume";

declare global {
  interface Window {
    __execscopeReport?: Report;
    __execscopeError?: string;
  }
}

// Every payload the golden tests cover, emitted by Vite as assets (URLs).
const urls = import.meta.glob<string>(["../../../samples/*.json", "../../fixtures/*.json", "!**/index.json"], {
  query: "?url",
  import: "default",
  eager: true,
});

async function main(): Promise<void> {
  const inputs: Record<string, Input> = {};
  const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
  for (const [path, url] of Object.entries(urls)) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    inputs[path.slice(path.lastIndexOf("/") + 1)] = { bytes, text: utf8.decode(bytes) };
  }
  const report = exercise(inputs);
  window.__execscopeReport = report;
  const out = document.getElementById("out");
  if (out) {
    out.textContent = [`execscope ${report.version}`, ...Object.values(report.headlines).flat()].join("\n");
  }
}

main().catch((e: unknown) => {
  window.__execscopeError = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}` : String(e);
});
