// Size report and size gate: prints raw / gzip -9 / brotli sizes of the loader and the widget
// bundle, and exits non-zero when the loader is over 2 KB gzip or the widget bundle (everything
// needed to open the panel and search: loader + the first download's glue + wasm, which carry the
// CSS and English messages) is over the 200 KB hard limit. The desk build (article view, ticket
// form and guides, fetched after the panel opens, src/stage.rs) and the loader's follow module
// (koban-follow.js) are reported apart and not gated.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { gzip9 } from "./gzip9.mjs";

const KB = 1000;
const LOADER_LIMIT = 2 * KB;
const BUNDLE_GOAL = 150 * KB;
const BUNDLE_LIMIT = 200 * KB;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const version = fs.readFileSync(path.join(root, "Cargo.toml"), "utf8").match(/\[workspace\.package\][^[]*?version = "([^"]+)"/)[1];
const vdir = path.join(root, "dist/v", version);

function sizes(file) {
  const buf = fs.readFileSync(path.join(vdir, file));
  return { file, raw: buf.length, gzip: gzip9(buf).length, br: zlib.brotliCompressSync(buf).length };
}
const rows = ["koban.js", "koban-widget.js", "koban-widget_bg.wasm"].map(sizes);
const total = rows.reduce((a, r) => ({ file: "widget bundle (total)", raw: a.raw + r.raw, gzip: a.gzip + r.gzip, br: a.br + r.br }), { raw: 0, gzip: 0, br: 0 });
const desk = ["koban-desk.js", "koban-desk_bg.wasm"].map(sizes);
const deskTotal = desk.reduce((a, r) => ({ file: "desk build (total)", raw: a.raw + r.raw, gzip: a.gzip + r.gzip, br: a.br + r.br }), { raw: 0, gzip: 0, br: 0 });
const fmt = (n) => (n / KB).toFixed(1).padStart(8) + " KB";
console.log("\nSize report (1 KB = 1000 bytes)");
console.log("file".padEnd(26) + "raw".padStart(11) + "gzip -9".padStart(11) + "brotli".padStart(11));
for (const r of [...rows, total]) console.log(r.file.padEnd(26) + fmt(r.raw) + fmt(r.gzip) + fmt(r.br));
console.log("loaded after the panel opens, on first use of an article, the ticket form or a guide:");
for (const r of [...desk, deskTotal]) console.log(r.file.padEnd(26) + fmt(r.raw) + fmt(r.gzip) + fmt(r.br));
// The loader's follow module (unread badge, live connection), imported at boot: reported, not gated.
const follow = sizes("koban-follow.js");
console.log("imported by the loader at boot (not in its budget):");
console.log(follow.file.padEnd(26) + fmt(follow.raw) + fmt(follow.gzip) + fmt(follow.br));
const loader = rows[0];
const failures = [];
if (loader.gzip > LOADER_LIMIT) failures.push(`loader is ${loader.gzip} B gzip, over the ${LOADER_LIMIT} B budget`);
if (total.gzip > BUNDLE_LIMIT) failures.push(`widget bundle is ${total.gzip} B gzip, over the ${BUNDLE_LIMIT} B hard limit (see docs/sizes.md)`);
console.log(`loader budget ${LOADER_LIMIT} B: ${loader.gzip <= LOADER_LIMIT ? "PASS" : "FAIL"}; bundle goal ${BUNDLE_GOAL} B: ${total.gzip <= BUNDLE_GOAL ? "PASS" : "over"}; hard limit ${BUNDLE_LIMIT} B (gated): ${total.gzip <= BUNDLE_LIMIT ? "PASS" : "FAIL"}`);
fs.writeFileSync(path.join(root, "target/size-report.json"), JSON.stringify({ version, rows, total, desk, deskTotal, follow }, null, 2));
if (failures.length) { console.error("size gate failed:\n  " + failures.join("\n  ")); process.exit(1); }
