// Localization e2e (issue 7): the real server serving the compiled Fluent tables, host pages on
// another origin, Chromium with different browser languages. Also writes a screenshot of the open
// panel per locale to tests/e2e/artifacts/locales/ for a person to look over.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startKoban, startHost, launchBrowser, newPage, ROOT, ARTIFACTS } from "./support.mjs";

let koban, host, browser;

/** The value of a simple message in a locale's .ftl file. */
function message(locale, id) {
  const src = fs.readFileSync(path.join(ROOT, "locales", locale, "widget.ftl"), "utf8");
  return src.match(new RegExp(`^${id} = (.+)$`, "m"))[1].trim();
}

const LOCALES = ["en", "ja", "zh-Hans", "zh-Hant", "ko", "es", "fr", "de", "pt-BR", "ru", "ar", "he"];

before(async () => {
  koban = await startKoban();
  const page = (lang) => `<!doctype html><html${lang ? ` lang="${lang}"` : ""}><head><meta charset="utf-8"><title>Host</title>
<script async src="${koban.base}/koban.js" data-preload="eager"></script></head>
<body><h1>Dashboard</h1><input id="host-field" aria-label="host field"></body></html>`;
  host = await startHost({ "/plain.html": page(""), "/de.html": page("de") });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.close();
  await koban?.stop();
});

async function openPanel(page, locale) {
  const launcher = page.getByRole("button", { name: message(locale, "launcher-label"), exact: true });
  await launcher.click();
  const dialog = page.getByRole("dialog", { name: message(locale, "panel-title") });
  await dialog.waitFor();
  return dialog;
}

test("a browser in ja-JP gets the widget in Japanese, with no English left in the UI", async () => {
  const page = await newPage(browser, { locale: "ja-JP" });
  await page.goto(host.base + "/plain.html");
  const dialog = await openPanel(page, "ja");
  await dialog.getByText(message("ja", "home-greeting")).waitFor();
  await dialog.getByRole("region", { name: message("ja", "categories-title") }).waitFor();
  // The panel without the language menu (which names every language in its own script).
  const text = (await dialog.locator(".kb-title").innerText()) + "\n" + (await dialog.locator(".kb-body").innerText());
  // Latin words left are names (Gridshare, Discord, GPU, ...), never English UI messages.
  const en = fs.readFileSync(path.join(ROOT, "locales/en/widget.ftl"), "utf8")
    .split("\n").map((l) => l.match(/^[a-z0-9-]+ = ([^{]+)$/)?.[1]?.trim()).filter((v) => v && v.length > 3);
  const leftovers = en.filter((phrase) => text.includes(phrase));
  assert.deepEqual(leftovers, [], "English UI strings in the Japanese panel");
  const words = (text.match(/[A-Za-z]{4,}/g) || []).filter((w) => !["Gridshare", "Discord", "Koban", "YouTube", "GPU", "CPU"].includes(w));
  assert.ok(words.length < 6, `few Latin words (names, codes), got: ${words.join(" ")}`);
  const root = page.locator("koban-widget");
  assert.equal(await root.getAttribute("lang"), "ja");
  await page.context().close();
});

test("setLocale('ar') mirrors the widget and keeps the open article and the typed draft", async () => {
  const page = await newPage(browser, { locale: "en-US" });
  await page.goto(host.base + "/plain.html");
  // A typed draft first.
  await page.evaluate(() => Koban("open", "ticket"));
  let dialog = page.getByRole("dialog", { name: "Help" });
  await dialog.getByLabel("Subject").fill("Draft that must survive");
  await page.evaluate(() => Koban("showArticle", "node-offline"));
  const title = await dialog.locator("#kb-article-title").innerText();

  await page.evaluate(() => Koban("setLocale", "ar"));
  dialog = page.getByRole("dialog", { name: message("ar", "panel-title") });
  await dialog.waitFor();
  const widget = page.locator("koban-widget");
  assert.equal(await widget.getAttribute("dir"), "rtl");
  assert.equal(await widget.getAttribute("lang"), "ar");
  assert.equal(await page.locator("html").getAttribute("dir"), null, "the host page's <html> is untouched");
  assert.equal(await dialog.locator("#kb-article-title").innerText(), title, "the article stays open");
  await dialog.getByText(message("ar", "article-fallback")).waitFor();
  // The launcher moved to the mirrored (left) side.
  await page.keyboard.press("Escape");
  const launcher = page.getByRole("button", { name: message("ar", "launcher-label"), exact: true });
  const box = await launcher.boundingBox();
  const width = page.viewportSize().width;
  assert.ok(box.x + box.width / 2 < width / 2, `launcher on the left in rtl (x=${box.x})`);
  // The draft is intact in the other language.
  await page.evaluate(() => Koban("open", "ticket"));
  dialog = page.getByRole("dialog", { name: message("ar", "panel-title") });
  assert.equal(await dialog.getByLabel(message("ar", "ticket-subject")).inputValue(), "Draft that must survive");
  await page.context().close();
});

test("<html lang=\"de\"> gets German; zh-TW gets Traditional Chinese; the user's pick wins and is kept", async () => {
  const de = await newPage(browser, { locale: "en-US" });
  await de.goto(host.base + "/de.html");
  let dialog = await openPanel(de, "de");
  await dialog.getByText(message("de", "home-greeting")).waitFor();
  // The user picks Spanish in the language menu: it wins over the page, and is remembered.
  const deMenu = dialog.getByRole("combobox", { name: message("de", "language-label") });
  await deMenu.focus();
  await deMenu.selectOption("es");
  dialog = de.getByRole("dialog", { name: message("es", "panel-title") });
  await dialog.getByText(message("es", "home-greeting")).waitFor();
  // The panel drawn anew in Spanish keeps the focus on the menu.
  const menu = dialog.getByRole("combobox", { name: message("es", "language-label") });
  assert.equal(await menu.evaluate((el) => el.getRootNode().activeElement === el), true, "the language menu keeps the focus");
  await de.reload();
  await openPanel(de, "es");
  await de.context().close();

  const tw = await newPage(browser, { locale: "zh-TW" });
  await tw.goto(host.base + "/plain.html");
  dialog = await openPanel(tw, "zh-Hant");
  await dialog.getByText(message("zh-Hant", "home-greeting")).waitFor();
  await tw.context().close();
});

test("a screenshot of the open panel per locale (artifacts, for review)", async () => {
  const dir = path.join(ARTIFACTS, "locales");
  fs.mkdirSync(dir, { recursive: true });
  const page = await newPage(browser, { locale: "en-US", viewport: { width: 900, height: 760 } });
  await page.goto(koban.base + "/demo");
  await page.getByRole("button", { name: "Help", exact: true }).click();
  for (const locale of LOCALES) {
    await page.evaluate((l) => Koban("setLocale", l), locale);
    const dialog = page.getByRole("dialog", { name: message(locale, "panel-title") });
    await dialog.getByText(message(locale, "home-greeting")).waitFor();
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(dir, `${locale}.png`) });
  }
  assert.equal(fs.readdirSync(dir).filter((f) => f.endsWith(".png")).length, LOCALES.length);
  await page.context().close();
});
