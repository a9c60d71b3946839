// "execscope/init" in a web project (tsconfig.json: the DOM lib): the Web
// platform's types are accepted too — URL, Request, Response, a fetch() promise,
// a compiled WebAssembly.Module.
import init, { initSync } from "execscope/init";

export async function loadInBrowser(module: WebAssembly.Module): Promise<void> {
  await init({ module_or_path: new URL("/static/execscope_bg.wasm", location.href) });
  await init({ module_or_path: new Request("/static/execscope_bg.wasm") });
  await init({ module_or_path: fetch("/static/execscope_bg.wasm") });
  await init({ module_or_path: await fetch("/static/execscope_bg.wasm") });
  await init({ module_or_path: module });
  initSync({ module });
}
