// @ts-check
// Reading the inputs: each file as bytes (a Uint8Array handed to the core as is:
// no decoding to a string, no copy in JS), or standard input for "-".

import fs from "node:fs";

/**
 * One input: its bytes, or why it could not be read.
 * @typedef {object} Input
 * @property {string} name      what the report calls it: the path as given, or "standard input"
 * @property {Uint8Array | null} bytes
 * @property {string | null} error  e.g. "no such file"
 */

/** Why a file could not be read (the caller names the file). @param {NodeJS.ErrnoException} e */
function reason(e) {
  switch (e.code) {
    case "ENOENT":
      return "no such file (expected a path to a JSON file, or - for standard input)";
    case "EISDIR":
      return "is a directory (expected a JSON file)";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return `cannot be read: ${e.message}`;
  }
}

/** Standard input, whole, as bytes. @param {NodeJS.ReadableStream} stream */
async function readStream(stream) {
  /** @type {Buffer[]} */
  const chunks = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : /** @type {Buffer} */ (chunk);
    chunks.push(b);
    total += b.length;
  }
  const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
}

/**
 * Reads every argument, in order. "-" is standard input (at most once).
 * @param {string[]} args
 * @param {NodeJS.ReadableStream} stdin
 * @returns {Promise<Input[]>}
 */
export async function readInputs(args, stdin) {
  /** @type {Input[]} */
  const out = [];
  for (const arg of args) {
    if (arg === "-") {
      try {
        out.push({ name: "standard input", bytes: await readStream(stdin), error: null });
      } catch (e) {
        out.push({ name: "standard input", bytes: null, error: `cannot read standard input: ${/** @type {Error} */ (e).message}` });
      }
      continue;
    }
    try {
      const b = fs.readFileSync(arg);
      out.push({ name: arg, bytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength), error: null });
    } catch (e) {
      out.push({ name: arg, bytes: null, error: reason(/** @type {NodeJS.ErrnoException} */ (e)) });
    }
  }
  return out;
}

/**
 * A few lines of the input around line:column (1-based, in characters), long
 * lines windowed, with a caret under the column: what a compiler shows.
 * @param {Uint8Array} bytes
 * @param {number} line
 * @param {number} column
 * @returns {{ n: number, text: string, caret: number | null }[]}
 */
export function excerpt(bytes, line, column) {
  // Only the lines needed are decoded: find the byte range of lines line-2..line.
  const first = Math.max(1, line - 2);
  let pos = 0;
  for (let n = 1; n < first; n++) {
    const nl = bytes.indexOf(10, pos);
    if (nl < 0) return [];
    pos = nl + 1;
  }
  const out = [];
  const WIN = 100;
  const utf8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });
  for (let n = first; n <= line && pos <= bytes.length; n++) {
    let nl = bytes.indexOf(10, pos);
    if (nl < 0) nl = bytes.length;
    const chars = Array.from(utf8.decode(bytes.subarray(pos, Math.min(nl, pos + 1_000_000))).replace(/\r$/, ""));
    let caret = n === line ? Math.max(1, column) : null;
    let text;
    if (chars.length > WIN) {
      const center = caret != null ? caret - 1 : 0;
      const cut = Math.max(0, Math.min(center - 40, chars.length - WIN));
      text = (cut > 0 ? "…" : "") + chars.slice(cut, cut + WIN).join("") + (cut + WIN < chars.length ? "…" : "");
      if (caret != null) caret = caret - cut + (cut > 0 ? 1 : 0);
    } else {
      text = chars.join("");
    }
    out.push({ n, text, caret });
    if (nl >= bytes.length) break;
    pos = nl + 1;
  }
  return out;
}
