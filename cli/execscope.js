#!/usr/bin/env node
// @ts-check
// The `execscope` command (package.json "bin"). See docs/cli.md, or run
// `execscope --help`.
import { main } from "./main.js";

// A reader that stops early (`execscope --events big.json | head`) is not an error.
process.stdout.on("error", (e) => {
  if (/** @type {NodeJS.ErrnoException} */ (e).code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`execscope: internal error (a bug: please report it with this message): ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 2;
  },
);
