// Lays out the release bundle in dist/ from trunk's output (target/trunk):
//   dist/koban.js                      loader, current version (served with max-age=300)
//   dist/v/<version>/koban.js          the same loader, versioned (immutable)
//   dist/v/<version>/koban-widget.js   wasm-bindgen glue of the first download (panel, FAQ,
//   dist/v/<version>/koban-widget_bg.wasm  search: built without the `desk` feature, target/trunk-lite)
//   dist/v/<version>/koban-desk.js     the desk build (ticket form, guides; default features,
//   dist/v/<version>/koban-desk_bg.wasm    target/trunk), loaded by the first one (src/stage.rs)
//   dist/v/<version>/koban-follow.js   the unread badge and live connection, imported by the
//                                      loader at boot (public/koban-follow.js)
//   dist/v/<version>/koban-fallback.js the plain-JS fallback panel (public/fallback.js)
// The loader is minified with terser and gets the version and the launcher labels (from
// locales/<locale>/widget.ftl, message `launcher-label`) baked in; the follow module gets every
// locale's `launcher-unread`. Every file gets precompressed
// .gz (level 9) and .br siblings, which `koban` serves to clients that accept them.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import { minify } from "terser";
import { gzip9 } from "./gzip9.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const version = fs.readFileSync(path.join(root, "Cargo.toml"), "utf8").match(/\[workspace\.package\][^[]*?version = "([^"]+)"/)[1];
const trunkOut = path.join(root, "target/trunk");
const dist = path.join(root, "dist");
const vdir = path.join(dist, "v", version);

// Launcher labels by primary language subtag (`zh` takes zh-Hans; the widget relabels the launcher
// with the exact locale once it loads), as one "en:Help|ja:ヘルプ|..." string, English first:
// the cheapest table to ship in the 2 KB loader.
const labels = new Map();
for (const loc of ["en", ...fs.readdirSync(path.join(root, "locales")).sort()]) {
  const ftl = path.join(root, "locales", loc, "widget.ftl");
  const lang = loc.split("-")[0];
  if (!fs.existsSync(ftl) || labels.has(lang)) continue;
  const m = fs.readFileSync(ftl, "utf8").match(/^launcher-label = (.+)$/m);
  if (m) labels.set(lang, m[1].trim());
}
if (!labels.has("en")) throw new Error("locales/en/widget.ftl has no launcher-label");

// The launcher's accessible name while replies are unread (message `launcher-unread`), per
// locale folder, for koban-follow.js: { "<locale>": { "<variant key>": pattern, "*": default
// key } } (one variant "other" for a message without a selector), {l} standing for `$label` and
// {c} for `$count`. Only this shape of Fluent is accepted (text, the two variables, one select on
// `$count` with one-line variants): anything else fails the build rather than ship a wrong name.
const unread = {};
for (const loc of fs.readdirSync(path.join(root, "locales")).sort()) {
  const ftl = path.join(root, "locales", loc, "widget.ftl");
  if (!fs.existsSync(ftl)) continue;
  const lines = fs.readFileSync(ftl, "utf8").split("\n");
  const at = lines.findIndex((l) => l.match(/^launcher-unread = /));
  if (at < 0) throw new Error(`${ftl}: no launcher-unread`);
  const pattern = (text) => {
    const p = text.trim().replaceAll("{ $label }", "{l}").replaceAll("{ $count }", "{c}");
    if (/[{}]/.test(p.replace(/\{[lc]\}/g, ""))) throw new Error(`${ftl}: launcher-unread: only { $label } and { $count } are supported: ${text}`);
    return p;
  };
  const first = lines[at].slice("launcher-unread = ".length).trim();
  if (first != "{ $count ->") {
    unread[loc] = { other: pattern(first), "*": "other" };
    continue;
  }
  const table = {};
  for (let i = at + 1; ; i++) {
    if (i >= lines.length) throw new Error(`${ftl}: launcher-unread: unclosed select`);
    if (lines[i].trim() == "}") break;
    const v = /^\s+(\*?)\[([a-z]+|\d+)\] (.+)$/.exec(lines[i]);
    if (!v) throw new Error(`${ftl}: launcher-unread: cannot read variant: ${lines[i]}`);
    table[v[2]] = pattern(v[3]);
    if (v[1]) table["*"] = v[2];
  }
  if (!table["*"]) throw new Error(`${ftl}: launcher-unread: no default variant`);
  unread[loc] = table;
}
if (!unread.en) throw new Error("locales/en/widget.ftl has no launcher-unread");

const src = fs.readFileSync(path.join(root, "public/koban.js"), "utf8")
  .replaceAll("__KOBAN_VERSION__", version)
  .replaceAll("__KOBAN_LABELS__", JSON.stringify([...labels].map(([l, t]) => `${l}:${t}`).join("|")));
const min = await minify(src, { ecma: 2020, compress: { passes: 5, unsafe: true, unsafe_arrows: true, unsafe_methods: true, unsafe_comps: true, pure_getters: true, keep_fargs: false }, mangle: true, format: { comments: false, ecma: 2020 } });
if (/\beval\(|new Function\(/.test(min.code)) throw new Error("loader contains eval or new Function");

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(vdir, { recursive: true });
fs.writeFileSync(path.join(dist, "koban.js"), min.code);
fs.writeFileSync(path.join(vdir, "koban.js"), min.code);
// The wasm-bindgen glue is an ES module: minified too (it is part of the widget budget).
// Crash containment: every Rust closure the browser calls (event listeners, timers, promise
// callbacks) goes through the glue's closure wrapper. An error escaping it (a panic traps as a
// RuntimeError with panic = "abort"; a JS exception thrown through the wasm) would be an uncaught
// error on the host page, so the wrapper hands it to the loader (`onCrash`), which shows the
// fallback panel instead. The build fails if wasm-bindgen's wrapper ever changes shape.
// The first download's glue gets `kobanDesk` (src/stage.rs): it imports the desk build next to
// itself, initializes it and hands its crashes to the loader too. Memoized; a failed load is
// forgotten so that Retry fetches again.
const DESK_LOADER = `
let desk;
function kobanDesk() {
  return desk ||= import(new URL("koban-desk.js", import.meta.url).href)
    .then((m) => m.default({ module_or_path: new URL("koban-desk_bg.wasm", import.meta.url) }).then(() => (m.onCrash((e) => crashed(e)), m)))
    .catch((e) => { desk = 0; throw e; });
}
`;
for (const [out, name, extra] of [["target/trunk-lite", "koban-widget", DESK_LOADER], ["target/trunk", "koban-desk", ""]]) {
  let glueSrc = fs.readFileSync(path.join(root, out, "koban-widget.js"), "utf8");
  const wrapper = /return f\(a, state\.b, \.\.\.args\);/g;
  if (!wrapper.test(glueSrc)) throw new Error("glue: closure wrapper not found, crash containment cannot be added");
  if (extra && !glueSrc.includes("kobanDesk()")) throw new Error("glue: the first build does not call kobanDesk");
  // After the first such error the widget is dead: later callbacks into it do nothing.
  glueSrc = glueSrc.replace(wrapper, "if (dead) return; try { return f(a, state.b, ...args); } catch (e) { dead = 1; crashed(e); }")
    + "\nlet dead = 0, crashed = (e) => { throw e; };\n/** The loader's handler for errors escaping a Rust callback. */\nexport function onCrash(f) { crashed = f; }\n" + extra;
  const glue = await minify(glueSrc, {
    module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false },
  });
  if (/\beval\(|new Function\(/.test(glue.code)) throw new Error("glue contains eval or new Function");
  fs.writeFileSync(path.join(vdir, name + ".js"), glue.code);
  // trunk ran wasm-opt -Oz once. Flattening and re-looping the control flow first, then -Oz to a
  // fixed point, saves another ~3 % (about 2 KB gzip of the first download, measured against
  // "-Oz --converge" twice; -O4, --gufa, --merge-similar-functions gained nothing).
  // -iit (loads and divisions never trap: Rust checks bounds and divisors itself) and
  // --low-memory-unused (the first 1 KB of memory is the far end of Rust's 1 MB stack, never
  // reached) let it fold address arithmetic: 0.5 and 1.3 KB gzip. --traps-never-happen would save
  // 0.5 KB more but lets wasm-opt drop the trap after a panic, which is the crash containment.
  execFileSync("wasm-opt", ["--flatten", "--rereloop", "-Oz", "-Oz", "--converge", "-iit", "--low-memory-unused", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
    "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
    path.join(root, out, "koban-widget_bg.wasm"), "-o", path.join(vdir, name + "_bg.wasm")], { stdio: "inherit" });
}
// The plain-JS fallback panel, loaded only when the widget cannot run (public/fallback.js).
const fallback = await minify(fs.readFileSync(path.join(root, "public/fallback.js"), "utf8"), {
  module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false },
});
if (/\beval\(|new Function\(/.test(fallback.code)) throw new Error("fallback contains eval or new Function");
fs.writeFileSync(path.join(vdir, "koban-fallback.js"), fallback.code);
// The unread badge and live connection (public/koban-follow.js), with its message table.
const followSrc = fs.readFileSync(path.join(root, "public/koban-follow.js"), "utf8");
if (!followSrc.includes("__KOBAN_UNREAD__")) throw new Error("koban-follow.js: no __KOBAN_UNREAD__");
const follow = await minify(followSrc.replaceAll("__KOBAN_UNREAD__", JSON.stringify(unread)), {
  module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false },
});
if (/\beval\(|new Function\(/.test(follow.code)) throw new Error("koban-follow.js contains eval or new Function");
fs.writeFileSync(path.join(vdir, "koban-follow.js"), follow.code);
fs.copyFileSync(path.join(root, "public/koban.d.ts"), path.join(vdir, "koban.d.ts"));

function compressAll(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { compressAll(p); continue; }
    if (/\.(gz|br)$/.test(p)) continue;
    const buf = fs.readFileSync(p);
    // GNU gzip -9, the budget's measure: 1.6 KB smaller than zlib's level 9 on the first
    // download's wasm.
    fs.writeFileSync(p + ".gz", gzip9(buf));
    fs.writeFileSync(p + ".br", zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}
compressAll(dist);
console.log(`packaged koban ${version} into dist/`);
