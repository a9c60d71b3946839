// The webpack app: bundles src/consume.ts (and so the execscope package, its glue
// and its .wasm) with webpack 5 and ts-loader and no other configuration, fetches
// every sample and fixture as bytes (the test serves them under /payloads/, listed
// in /payloads/index.json), and publishes the report on window.__execscopeReport
// for test/webpack.test.mjs.
import { exercise, type Input, type Report } from "../src/consume";

declare global {
  interface Window {
    __execscopeReport?: Report;
    __execscopeError?: string;
  }
}

async function bytesOf(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function main(): Promise<void> {
  const names = JSON.parse(new TextDecoder().decode(await bytesOf("/payloads/index.json"))) as string[];
  const inputs: Record<string, Input> = {};
  const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
  for (const name of names) {
    const bytes = await bytesOf(`/payloads/${name}`);
    inputs[name] = { bytes, text: utf8.decode(bytes) };
  }
  const report = exercise(inputs);
  window.__execscopeReport = report;
  const out = document.getElementById("out");
  if (out) out.textContent = [`execscope ${report.version}`, ...Object.values(report.headlines).flat()].join("\n");
}

main().catch((e: unknown) => {
  window.__execscopeError = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}` : String(e);
});
