#!/usr/bin/env node
/*
 * Compiles the project only when a source is newer than the last build, so
 * `npm run nexus`, `db:*`, `schema:*` and `docs:gen` start at once on a
 * current dist/. Even an incremental `tsc` with nothing to do loads the
 * whole program (about 3 s here); comparing modification times takes a few
 * milliseconds. The stamp is tsc's own build info, written on every
 * successful build (touched here too: tsc leaves it alone when a touched
 * file did not really change). `npm run build` always runs tsc.
 *
 * Trap: a file restored with an old modification time (some archive tools)
 * is not seen as changed; `npm run build` then brings dist/ up to date.
 */
"use strict";
const { readdirSync, statSync, utimesSync } = require("node:fs");
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const stamp = path.join(root, "dist", ".tsbuildinfo");
// What tsconfig.json compiles, and what changes how it compiles.
const inputs = ["src", "test", "bench", "sdk"];
const settings = ["tsconfig.json", "tsconfig.browser.json", "package-lock.json"];

function newestIn(dir, newest) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = newestIn(full, newest);
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  // A deleted or renamed file changes its folder's time.
  return Math.max(newest, statSync(dir).mtimeMs);
}

function built() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return -1;
  }
}

const last = built();
let newest = 0;
for (const file of settings) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
for (const dir of inputs) newest = newestIn(path.join(root, dir), newest);
if (newest <= last) process.exit(0);

const compile = (project) =>
  spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, project)], { stdio: "inherit" });
// The gateway, then the browser modules it serves (src/browser, into dist/browser).
let tsc = compile("tsconfig.json");
if (tsc.status === 0) tsc = compile("tsconfig.browser.json");
if (tsc.status === 0) {
  const now = new Date();
  utimesSync(stamp, now, now);
}
process.exit(tsc.status ?? 1);
