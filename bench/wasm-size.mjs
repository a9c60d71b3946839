// What the .wasm is made of: code bytes per crate, from the name section of the
// module cargo builds before wasm-bindgen and wasm-opt
// (target/wasm32-unknown-unknown/release/execscope.wasm). The shipped file is
// smaller (wasm-opt -Oz, no names), so read the shares, not the byte counts.
//
//   node bench/wasm-size.mjs [target/wasm32-unknown-unknown/release/execscope.wasm]
import fs from "node:fs";
import { fileURLToPath } from "node:url";

const SECTION_NAMES = { 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount" };

/** The crate a (legacy or v0) mangled Rust symbol belongs to; for `<A as B>::f`, A's crate. */
export function crateOf(sym) {
  if (sym.startsWith("_ZN")) {
    const m = /^_ZN(\d+)/.exec(sym);
    if (!m) return "other";
    let seg = sym.slice(m[0].length, m[0].length + Number(m[1]));
    if (seg.startsWith("_$LT$")) {
      seg = seg.slice(5).replace(/^(\$RF\$|\$BP\$|mut\$u20\$|\$u5b\$|\$LP\$)+/, "");
      const c = /^([A-Za-z_][A-Za-z0-9_]*)\.\./.exec(seg);
      return c ? c[1] : "other (primitive impls)";
    }
    return seg;
  }
  if (sym.startsWith("_R")) {
    const c = /C(?:s[0-9a-zA-Z]*_)?(\d+)/.exec(sym);
    if (c) return sym.substr(c.index + c[0].length, Number(c[1]));
    return "other";
  }
  return sym.startsWith("__wbg") || sym.startsWith("__wbindgen") ? "wasm_bindgen" : "exports and other";
}

/** {sections: {name: bytes}, code, functions, byCrate: [[crate, bytes], ...] biggest first, largest: [[bytes, name]]}. */
export function breakdown(bytes) {
  const b = bytes;
  let p = 8;
  const u32 = () => {
    let r = 0;
    let s = 0;
    let x;
    do {
      x = b[p++];
      r += (x & 0x7f) * 2 ** s;
      s += 7;
    } while (x & 0x80);
    return r;
  };
  const str = () => {
    const n = u32();
    const s = Buffer.from(b.buffer, b.byteOffset + p, n).toString("utf8");
    p += n;
    return s;
  };
  let imports = 0;
  const bodies = [];
  const names = new Map();
  const sections = {};
  while (p < b.length) {
    const id = b[p++];
    const len = u32();
    const end = p + len;
    let name = SECTION_NAMES[id] || `section ${id}`;
    if (id === 0) {
      name = `custom "${str()}"`;
      if (name === 'custom "name"') {
        while (p < end) {
          const sub = b[p++];
          const sl = u32();
          const se = p + sl;
          if (sub === 1) {
            const n = u32();
            for (let i = 0; i < n; i++) {
              const idx = u32();
              names.set(idx, str());
            }
          }
          p = se;
        }
      }
    } else if (id === 2) {
      const n = u32();
      for (let i = 0; i < n; i++) {
        str();
        str();
        const kind = b[p++];
        if (kind === 0) {
          u32();
          imports++;
        } else if (kind === 1) {
          p++;
          const f = b[p++];
          u32();
          if (f & 1) u32();
        } else if (kind === 2) {
          const f = b[p++];
          u32();
          if (f & 1) u32();
        } else if (kind === 3) {
          p += 2;
        } else if (kind === 4) {
          p++;
          u32();
        }
      }
    } else if (id === 10) {
      const n = u32();
      for (let i = 0; i < n; i++) {
        const l = u32();
        bodies.push(l);
        p += l;
      }
    }
    sections[name] = (sections[name] || 0) + len;
    p = end;
  }
  const byCrate = new Map();
  const largest = [];
  bodies.forEach((size, i) => {
    const sym = names.get(i + imports) || "?";
    const crate = crateOf(sym);
    byCrate.set(crate, (byCrate.get(crate) || 0) + size);
    largest.push([size, sym]);
  });
  largest.sort((a, c) => c[0] - a[0]);
  return {
    sections,
    code: bodies.reduce((a, x) => a + x, 0),
    functions: bodies.length,
    named: names.size > 0,
    byCrate: [...byCrate].sort((a, c) => c[1] - a[1]),
    largest: largest.slice(0, 10),
  };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1]);
if (isMain) {
  const file = process.argv[2] || new URL("../target/wasm32-unknown-unknown/release/execscope.wasm", import.meta.url);
  const r = breakdown(fs.readFileSync(file));
  console.log("sections:", Object.entries(r.sections).map(([k, v]) => `${k} ${v}`).join(", "));
  console.log(`code: ${r.code} bytes in ${r.functions} functions`);
  for (const [c, v] of r.byCrate.slice(0, 20)) console.log(`${String(v).padStart(9)} ${((100 * v) / r.code).toFixed(1).padStart(5)}%  ${c}`);
  console.log("largest functions:");
  for (const [v, n] of r.largest) console.log(`${String(v).padStart(9)}  ${n.slice(0, 140)}`);
}
