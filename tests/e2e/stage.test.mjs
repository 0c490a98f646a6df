// Two downloads (issue 9): the first (koban-widget) opens the panel and searches on its own; the
// desk build (koban-desk: article view, ticket form, guides) takes the panel over on first use.
// The real server and bundle; the desk build's files are made unreachable (page.route, as a
// network failure) or held back until the test lets them through.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startKoban, launchBrowser, newPage } from "./support.mjs";

let koban, browser;

before(async () => {
  koban = await startKoban();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await koban?.stop();
});

test("search needs only the first download; the form loads the desk build, says so when it cannot, and Retry keeps the query", async () => {
  const page = await newPage(browser);
  const deskRequests = [];
  page.on("request", (r) => { if (r.url().includes("/koban-desk")) deskRequests.push(r.url()); });
  await page.route("**/koban-desk*", (route) => route.abort("internetdisconnected"));
  await page.goto(koban.base + "/demo");
  await page.evaluate(() => {
    window.seen = [];
    for (const name of ["open", "close", "ready"]) Koban("on", name, () => window.seen.push(name));
  });
  await page.getByRole("button", { name: "Help", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Help" });
  const box = dialog.getByRole("searchbox", { name: "Search help" });
  await box.fill("withdrawl");
  await dialog.locator(".kb-result").first().waitFor();
  assert.match(await dialog.locator(".kb-result").first().innerText(), /withdrawal/i);

  // No results: Contact support needs the desk build, which cannot be fetched.
  await box.fill("zqxv wobble");
  await dialog.getByRole("button", { name: "Contact support" }).first().click();
  const alert = dialog.getByRole("alert");
  await alert.getByText("You seem to be offline").waitFor();
  assert.ok(deskRequests.length > 0, "the desk build was asked for");
  assert.deepEqual(page.errors, [], "a failed load is no error on the page");

  // Back online: Retry hands the panel over, with the query as the subject.
  await page.unroute("**/koban-desk*");
  await alert.getByRole("button", { name: "Try again" }).click();
  await dialog.getByRole("heading", { name: "Contact support" }).waitFor();
  assert.equal(await dialog.getByLabel("Subject").inputValue(), "zqxv wobble");

  // The desk build now answers the loader: Escape closes, open shows the form again, and the
  // host saw one `open` per opening (the hand-over sends none).
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await page.evaluate(() => Koban("open"));
  await dialog.getByRole("heading", { name: "Contact support" }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.seen.filter((n) => n !== "ready")), ["open", "close", "open"]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("an article needs the desk build: offline says so, Try again opens it, Back returns to the results", async () => {
  const page = await newPage(browser);
  await page.route("**/koban-desk*", (route) => route.abort("internetdisconnected"));
  await page.goto(koban.base + "/demo");
  await page.getByRole("button", { name: "Help", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Help" });
  await dialog.getByRole("searchbox", { name: "Search help" }).fill("withdrawl");
  const first = dialog.locator(".kb-result").first();
  await first.waitFor();
  const title = (await first.locator(".kb-row-title").innerText()).trim();
  await first.click();
  const alert = dialog.getByRole("alert");
  await alert.getByText("You seem to be offline").waitFor();
  assert.equal(await dialog.locator("article").count(), 0, "no article without the desk build");

  await page.unroute("**/koban-desk*");
  await alert.getByRole("button", { name: "Try again" }).click();
  await dialog.getByRole("heading", { level: 3, name: title }).waitFor();
  await dialog.getByRole("heading", { name: "Was this helpful?" }).waitFor();
  await dialog.getByRole("button", { name: "Back" }).click();
  assert.equal(await dialog.getByRole("searchbox", { name: "Search help" }).inputValue(), "withdrawl");
  await dialog.locator(".kb-result").first().waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a guide left unfinished hands over on open, and the user typing a query keeps focus and every key", async () => {
  const page = await newPage(browser);
  await page.goto(koban.base + "/demo");
  await page.evaluate(() => Koban("startFlow", "node-offline"));
  const dialog = page.getByRole("dialog", { name: "Help" });
  await dialog.getByRole("button", { name: "Still not working" }).click();
  await dialog.getByText("Step 3").waitFor();

  // Reload: the first download opens the panel; the desk build is held back while the user types.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route("**/koban-desk*", async (route) => { await held; await route.continue(); });
  await page.reload();
  await page.getByRole("button", { name: "Help", exact: true }).click();
  const box = dialog.getByRole("searchbox", { name: "Search help" });
  await box.click();
  await page.keyboard.type("with");
  assert.equal(await dialog.getByRole("region", { name: "Continue where you left off" }).count(), 0, "not in the first download");
  const firstBox = await box.elementHandle();
  release();
  // The hand-over replaces the first download's view with the desk build's.
  await page.waitForFunction((el) => !el.isConnected, firstBox, { timeout: 15000 });
  await page.keyboard.type("drawl");
  assert.equal(await box.inputValue(), "withdrawl");
  assert.equal(await box.evaluate((el) => el.getRootNode().activeElement === el), true, "the search box kept the focus");
  await box.fill("");
  await dialog.getByRole("region", { name: "Continue where you left off" }).getByRole("button", { name: /Fix a node that is offline/ }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
