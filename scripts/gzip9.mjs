// The size measure of issue 9's budgets: GNU gzip -9 (no name or time stamp in the header), as
// scripts/size.mjs gates it, bench/page-browser.mjs reports the content bundles with it and
// scripts/package.mjs writes the .gz files `koban` serves (so what is measured is what is sent).
import { execFileSync } from "node:child_process";

/** `data` (a Buffer or string) compressed by `gzip -9 -n`. */
export function gzip9(data) {
  return execFileSync("gzip", ["-9", "-n", "-c"], { input: data, maxBuffer: 1 << 28 });
}
