// Without the DOM lib (tsconfig.nodenext.json), "execscope/init"'s parameter types
// are not `any` in disguise: what is not an InitInput fails to type-check. (With
// the DOM lib, WebAssembly.Module is an interface with no members, so any object
// passes as one there — as in the DOM lib's own WebAssembly.instantiate.)
import init, { initSync } from "execscope/init";

export async function rejects(path: string): Promise<void> {
  // @ts-expect-error a number is no InitInput
  await init({ module_or_path: 42 });
  // @ts-expect-error initSync needs the bytes or a module, not a path
  initSync({ module: path });
  // @ts-expect-error an object is no InitInput without the DOM lib
  await init({ module_or_path: { url: path } });
}
