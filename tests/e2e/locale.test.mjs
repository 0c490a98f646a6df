// Localization e2e (issue 7): the real server serving the compiled Fluent tables, host pages on
// another origin, Chromium with different browser languages. Also writes a screenshot of the open
// panel per locale to tests/e2e/artifacts/locales/ for a person to look over.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { setup, newPage, ROOT, ARTIFACTS } from "./support.mjs";
import { Widget } from "./widget.mjs";

/** The value of a simple message in a locale's .ftl file. */
function message(locale, id) {
  const src = fs.readFileSync(path.join(ROOT, "locales", locale, "widget.ftl"), "utf8");
  return src.match(new RegExp(`^${id} = (.+)$`, "m"))[1].trim();
}

const LOCALES = ["en", "ja", "zh-Hans", "zh-Hant", "ko", "es", "fr", "de", "pt-BR", "ru", "ar", "he"];

const s = setup({ pages: (koban) => {
  const page = (lang) => `<!doctype html><html${lang ? ` lang="${lang}"` : ""}><head><meta charset="utf-8"><title>Host</title>
<script async src="${koban.base}/koban.js" data-preload="eager"></script></head>
<body><h1>Dashboard</h1><input id="host-field" aria-label="host field"></body></html>`;
  const manual = `<!doctype html><html><head><meta charset="utf-8"><title>Host</title>
<script async src="${koban.base}/koban.js" data-manual-boot></script></head><body><h1>Dashboard</h1></body></html>`;
  return { "/plain.html": page(""), "/de.html": page("de"), "/manual.html": manual };
} });

/** The widget of `page` as it reads in `locale`. */
const widgetIn = (page, locale) => new Widget(page, {
  title: message(locale, "panel-title"), launcher: message(locale, "launcher-label"), search: message(locale, "search-label"),
});

/** Opens the panel in `locale` and returns its dialog. */
async function openPanel(page, locale) {
  return (await widgetIn(page, locale).open()).dialog;
}

test("a browser in ja-JP gets the widget in Japanese, with no English left in the UI", async () => {
  const { page } = await s.visit(s.host.base + "/plain.html", { page: { locale: "ja-JP" } });
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
  const w = await s.visit(s.host.base + "/plain.html", { page: { locale: "en-US" } });
  const page = w.page;
  // A typed draft first.
  await w.api("open", "ticket");
  await w.field("Subject").fill("Draft that must survive");
  await w.api("showArticle", "node-offline");
  const title = await w.articleTitle.innerText();

  await w.api("setLocale", "ar");
  const ar = widgetIn(page, "ar");
  let dialog = ar.dialog;
  await dialog.waitFor();
  const widget = page.locator("koban-widget");
  assert.equal(await widget.getAttribute("dir"), "rtl");
  assert.equal(await widget.getAttribute("lang"), "ar");
  assert.equal(await page.locator("html").getAttribute("dir"), null, "the host page's <html> is untouched");
  assert.equal(await ar.articleTitle.innerText(), title, "the article stays open");
  await dialog.getByText(message("ar", "article-fallback")).waitFor();
  // The launcher moved to the mirrored (left) side.
  await page.keyboard.press("Escape");
  const box = await ar.launcher.boundingBox();
  const width = page.viewportSize().width;
  assert.ok(box.x + box.width / 2 < width / 2, `launcher on the left in rtl (x=${box.x})`);
  // The draft is intact in the other language.
  await w.api("open", "ticket");
  assert.equal(await ar.field(message("ar", "ticket-subject")).inputValue(), "Draft that must survive");
  await page.context().close();
});

test("<html lang=\"de\"> gets German; zh-TW gets Traditional Chinese; the user's pick wins and is kept", async () => {
  const { page: de } = await s.visit(s.host.base + "/de.html", { page: { locale: "en-US" } });
  let dialog = await openPanel(de, "de");
  await dialog.getByText(message("de", "home-greeting")).waitFor();
  // The user picks Spanish in the language menu: it wins over the page, and is remembered.
  const deMenu = dialog.getByRole("combobox", { name: message("de", "language-label") });
  await deMenu.focus();
  await deMenu.selectOption("es");
  dialog = widgetIn(de, "es").dialog;
  await dialog.getByText(message("es", "home-greeting")).waitFor();
  // The panel drawn anew in Spanish keeps the focus on the menu.
  const menu = dialog.getByRole("combobox", { name: message("es", "language-label") });
  assert.equal(await menu.evaluate((el) => el.getRootNode().activeElement === el), true, "the language menu keeps the focus");
  await de.reload();
  await openPanel(de, "es");
  await de.context().close();

  const { page: tw } = await s.visit(s.host.base + "/plain.html", { page: { locale: "zh-TW" } });
  dialog = await openPanel(tw, "zh-Hant");
  await dialog.getByText(message("zh-Hant", "home-greeting")).waitFor();
  await tw.context().close();
});

test("a screenshot of the open panel per locale (artifacts, for review)", async () => {
  const dir = path.join(ARTIFACTS, "locales");
  fs.mkdirSync(dir, { recursive: true });
  const w = await s.open("/demo", { page: { locale: "en-US", viewport: { width: 900, height: 760 } } });
  const page = w.page;
  await w.launcher.click();
  for (const locale of LOCALES) {
    await w.api("setLocale", locale);
    const dialog = widgetIn(page, locale).dialog;
    await dialog.getByText(message(locale, "home-greeting")).waitFor();
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(dir, `${locale}.png`) });
  }
  assert.equal(fs.readdirSync(dir).filter((f) => f.endsWith(".png")).length, LOCALES.length);
  await page.context().close();
});

/** The `lang` attribute of the first element in the open panel matching `selector` with `text`. */
async function langOf(dialog, selector, text) {
  const el = dialog.locator(selector).filter({ hasText: text }).first();
  await el.waitFor();
  return el.getAttribute("lang");
}

test("English fallback content in a German panel carries lang=\"en\"; the panel's own text does not (WCAG 3.1.2)", async () => {
  const page = await newPage(s.browser, { locale: "en-US" });
  // Inside the first announcement's dates, during support hours (a Friday, 11:00 in Berlin).
  await page.clock.setFixedTime(new Date("2027-01-15T10:00:00Z"));
  await page.goto(s.host.base + "/de.html");
  const dialog = await openPanel(page, "de");
  assert.equal(await page.locator("koban-widget").getAttribute("lang"), "de");
  // The content has no German: the server sends the English bundle.
  assert.equal(await langOf(dialog, ".kb-announcement", "GPU-hours"), "en", "announcement");
  assert.equal(await langOf(dialog, ".kb-channels a", "Developer docs"), "en", "channel name");
  assert.equal(await langOf(dialog, ".kb-muted", "We usually reply"), "en", "reply time");
  // A category row names the topic and counts its articles in the panel's own language: the row
  // carries no lang (one lang per row keeps the first download under its gate); the category
  // view's heading does (below).
  const categories = dialog.getByRole("region", { name: message("de", "categories-title") });
  assert.equal(await categories.locator(".kb-row-meta").first().getAttribute("lang"), null, "UI text inherits the panel's lang");
  // Search results: titles and snippets, articles and guides.
  await dialog.getByRole("searchbox").fill("gpu list");
  const rows = dialog.locator(".kb-result");
  await rows.first().waitFor();
  const n = await rows.count();
  assert.ok(n >= 2, `results for "gpu list": ${n}`);
  for (let i = 0; i < n; i++) {
    assert.equal(await rows.nth(i).locator(".kb-row-title").getAttribute("lang"), "en", `result ${i} title`);
    assert.equal(await rows.nth(i).locator(".kb-row-meta").getAttribute("lang"), "en", `result ${i} snippet`);
  }
  // A guide's snippet is plain text: its question quotes `gridshare-node gpu list` in Markdown.
  const guide = rows.filter({ has: page.locator(".kb-badge") }).first();
  const snippet = await guide.locator(".kb-row-meta").innerText();
  assert.match(snippet, /gridshare-node gpu list/);
  assert.doesNotMatch(snippet, /`/, "no Markdown in the snippet");
  // A category view: its title and article rows.
  await dialog.getByRole("searchbox").fill("");
  await dialog.locator(".kb-row").filter({ hasText: "Nodes" }).first().click();
  assert.equal(await dialog.locator("#kb-category-title").getAttribute("lang"), "en");
  assert.equal(await dialog.locator(".kb-row-meta").first().getAttribute("lang"), "en", "article summary");
  await page.context().close();

  // The same content in an English panel carries no lang of its own.
  const en = await newPage(s.browser, { locale: "en-US" });
  await en.goto(s.host.base + "/plain.html");
  const enDialog = await openPanel(en, "en");
  await enDialog.locator(".kb-row-title").first().waitFor();
  assert.equal(await enDialog.locator("[lang]").count(), await enDialog.locator("#kb-language [lang]").count(), "only the language menu's options carry lang");
  await en.context().close();
});

test("between setLocale and boot({ locale }) the later host call wins; the user's pick beats both", async () => {
  const page = await newPage(s.browser, { locale: "en-US" });
  await page.goto(s.host.base + "/manual.html");
  await page.waitForFunction(() => window.Koban?.version);
  const widget = page.locator("koban-widget");
  const shows = async (locale) => {
    await page.evaluate(() => Koban("open"));
    await page.getByRole("dialog", { name: message(locale, "panel-title") }).getByText(message(locale, "home-greeting")).waitFor();
    assert.equal(await widget.getAttribute("lang"), locale);
  };
  // setLocale, then a boot naming a locale: the boot's.
  await page.evaluate(() => { Koban("setLocale", "fr"); Koban("boot", { locale: "de", preload: "eager" }); });
  await shows("de");
  // setLocale after that boot: setLocale's.
  await page.evaluate(() => Koban("setLocale", "es"));
  await shows("es");
  // A later boot naming a locale wins again, and replaces the earlier setLocale for good.
  await page.evaluate(() => Koban("boot", { locale: "de" }));
  await shows("de");
  await page.evaluate(() => Koban("boot", {}));
  await shows("en");
  // setLocale, then a boot that names no locale: setLocale's holds.
  await page.evaluate(() => { Koban("setLocale", "fr"); Koban("boot", {}); });
  await shows("fr");
  // The user's pick in the language menu beats every later host call.
  const menu = page.getByRole("combobox", { name: message("fr", "language-label") });
  await menu.selectOption("ja");
  await shows("ja");
  await page.evaluate(() => Koban("setLocale", "fr"));
  await page.evaluate(() => Koban("boot", { locale: "de" }));
  await shows("ja");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
