// "execscope/init" as ANY project can use it: no DOM lib, no @types/node
// (tsconfig.nodenext.json checks it with "types": [] and lib ES2022 only;
// tsconfig.json with the DOM lib). A string (a URL, or in Node.js a file path),
// bytes, or a promise of either type-check everywhere (nodom/init-rejects.ts:
// what is not an InitInput does not).
import init, { initSync, summarize, type InitInput, type InitOptions, type WasmBytes } from "execscope/init";
import type { Format } from "execscope/init";

export async function loadAndRead(path: string, bytes: Uint8Array, buffer: ArrayBuffer): Promise<Format> {
  await init();
  await init({ module_or_path: path });
  await init({ module_or_path: "./node_modules/execscope/execscope_bg.wasm" });
  await init({ module_or_path: bytes });
  await init({ module_or_path: Promise.resolve<InitInput>(buffer) });
  initSync({ module: bytes });
  initSync({ module: new DataView(buffer) });
  const options: InitOptions = { module_or_path: path };
  await init(options);
  const asBytes: WasmBytes = bytes;
  initSync({ module: asBytes });
  return summarize("[]").kind;
}
