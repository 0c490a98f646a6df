// Theming and small screens (issue 8): boot({ theme }) sets the --koban-* tokens, a colour below
// AA contrast is rejected with a warning naming its key (the default stays), dark and auto
// palettes with zero axe violations, the host's own CSS on koban-widget, launcher label and icon;
// below 640 px the panel is full screen with 16 px inputs and nothing wider than the viewport.
import { test } from "node:test";
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import { setup } from "./support.mjs";

const page = (k, boot, head = "") => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>${head}
<script>window.Koban = function () { (Koban.q = Koban.q || []).push(arguments) }; Koban('boot', ${JSON.stringify(boot)});</script>
<script async src="${k.base}/koban.js"></script></head><body><h1>Host page</h1><p>Dashboard.</p></body></html>`;

const ICON = "data:image/svg+xml," + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><circle cx="10" cy="10" r="9" fill="white"/></svg>');

const s = setup({ pages: (koban) => ({
  "/themed.html": page(koban, { preload: "eager", launcherLabel: "Support", launcherIcon: ICON, theme: { colorAccent: "#0b5d1e", colorText: "#999999", radius: "4px", fontSize: "16px" } }),
  "/dark.html": page(koban, { preload: "eager", theme: { scheme: "dark" } }),
  "/auto.html": page(koban, { preload: "eager", theme: { scheme: "auto" } }),
  "/host-css.html": page(koban, { preload: "eager" }, "<style>koban-widget { --koban-color-accent: #6a1b9a; }</style>"),
  "/plain.html": page(koban, { preload: "eager" }),
}) });

/** A new page at the host page `path`, with its widget (`options` for `Widget`). */
const visit = (path, options) => s.visit(s.host.base + path, options);

/** Opens the panel and returns computed styles of its parts. */
async function openAndRead(w) {
  await w.launcher.click();
  await w.searchBox.waitFor();
  return w.page.evaluate(() => {
    const s = document.querySelector("koban-widget").shadowRoot;
    const cs = (sel) => getComputedStyle(s.querySelector(sel));
    return {
      header: cs(".kb-header").backgroundColor,
      panelBg: cs(".kb-panel").backgroundColor,
      text: cs(".kb-body").color,
      radius: cs(".kb-panel").borderTopLeftRadius,
      fontSize: cs(".kb-panel").fontSize,
    };
  });
}

async function axe(p) {
  const r = await new AxeBuilder({ page: p }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("boot({ theme }) applies tokens, rejects a low-contrast colour by name, labels the launcher", async () => {
  const w = await visit("/themed.html", { launcher: "Support" });
  const p = w.page;
  const styles = await openAndRead(w);
  assert.equal(styles.header, "rgb(11, 93, 30)");
  assert.equal(styles.radius, "4px");
  assert.equal(styles.fontSize, "16px");
  // #999999 on white is 2.8:1: rejected, the default text colour stays.
  assert.equal(styles.text, "rgb(26, 31, 43)");
  assert.ok(p.warnings.some((w) => w.includes("`colorText`") && w.includes("4.5")), p.warnings.join("\n"));
  assert.ok(!p.warnings.some((w) => w.includes("`colorAccent`")));
  const launcher = await p.evaluate(() => {
    const b = document.querySelector("koban-widget").shadowRoot.querySelector(".kb-launcher");
    return { text: b.textContent, img: b.querySelector("img")?.getAttribute("alt"), bg: getComputedStyle(b).backgroundColor };
  });
  assert.deepEqual(launcher, { text: "Support", img: "", bg: "rgb(11, 93, 30)" });
  assert.deepEqual(await axe(p), []);
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test("dark scheme: the dark palette, zero axe violations on home, results and an article", async () => {
  const w = await visit("/dark.html");
  const { page: p, dialog } = w;
  const styles = await openAndRead(w);
  assert.equal(styles.panelBg, "rgb(20, 24, 31)");
  assert.equal(styles.text, "rgb(230, 233, 239)");
  await dialog.getByRole("region", { name: "Browse by topic" }).waitFor();
  assert.deepEqual(await axe(p), [], "home");
  await w.searchBox.fill("wallet");
  await dialog.locator(".kb-results").waitFor();
  assert.deepEqual(await axe(p), [], "results");
  await w.api("showArticle", "node-offline");
  await w.articleTitle.waitFor();
  assert.deepEqual(await axe(p), [], "article");
  await p.context().close();
});

test("auto follows prefers-color-scheme; the host's own CSS on koban-widget wins", async () => {
  for (const [scheme, bg] of [["dark", "rgb(20, 24, 31)"], ["light", "rgb(255, 255, 255)"]]) {
    const w = await visit("/auto.html", { page: { colorScheme: scheme } });
    assert.equal((await openAndRead(w)).panelBg, bg, scheme);
    await w.page.context().close();
  }
  const w = await visit("/host-css.html");
  assert.equal((await openAndRead(w)).header, "rgb(106, 27, 154)");
  await w.page.context().close();
});

test("below 640 px the panel is full screen, inputs are 16 px, nothing overflows (320 px and 200% zoom)", async () => {
  for (const viewport of [{ width: 320, height: 640 }, { width: 640, height: 400 }]) {
    const w = await visit("/plain.html", { page: { viewport, isMobile: viewport.width < 400, hasTouch: viewport.width < 400 } });
    const { page: p, dialog } = w;
    await openAndRead(w);
    await w.searchBox.fill("wallet");
    await dialog.locator(".kb-results").waitFor();
    const m = await p.evaluate(() => {
      const s = document.querySelector("koban-widget").shadowRoot;
      const r = s.querySelector(".kb-panel").getBoundingClientRect();
      const body = s.querySelector(".kb-body");
      return { x: r.x, y: r.y, w: r.width, h: r.height, input: getComputedStyle(s.querySelector("input[type=search]")).fontSize,
        overflow: body.scrollWidth - body.clientWidth, vw: innerWidth, vh: innerHeight };
    });
    if (viewport.width < 640) {
      assert.deepEqual([m.x, m.y, m.w, m.h], [0, 0, m.vw, m.vh], `full screen at ${viewport.width}px`);
    }
    assert.equal(m.input, "16px", "no iOS zoom on focus");
    assert.ok(m.overflow <= 0, `no horizontal scrolling at ${viewport.width}px (${m.overflow})`);
    // The ticket form reflows too.
    await w.api("open", "ticket");
    await w.field("Describe the problem").waitFor();
    const form = await p.evaluate(() => {
      const s = document.querySelector("koban-widget").shadowRoot;
      const body = s.querySelector(".kb-body");
      return { overflow: body.scrollWidth - body.clientWidth, input: getComputedStyle(s.querySelector("textarea")).fontSize };
    });
    assert.ok(form.overflow <= 0, `ticket form fits at ${viewport.width}px`);
    assert.equal(form.input, "16px");
    assert.deepEqual(p.errors, []);
    await p.context().close();
  }
});
