// Two downloads (issue 9): the first (koban-widget) opens the panel and searches on its own; the
// desk build (koban-desk: article view, ticket form, guides) takes the panel over on first use.
// The real server and bundle; the desk build's files are made unreachable (page.route, as a
// network failure) or held back until the test lets them through.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./support.mjs";

const s = setup();

test("search needs only the first download; the form loads the desk build, says so when it cannot, and Retry keeps the query", async () => {
  const w = await s.visit(null);
  const { page, dialog, searchBox: box } = w;
  const deskRequests = [];
  page.on("request", (r) => { if (r.url().includes("/koban-desk")) deskRequests.push(r.url()); });
  await page.route("**/koban-desk*", (route) => route.abort("internetdisconnected"));
  await page.goto(s.koban.base + "/demo");
  await page.evaluate(() => {
    window.seen = [];
    for (const name of ["open", "close", "ready"]) Koban("on", name, () => window.seen.push(name));
  });
  await w.launcher.click();
  await w.search("withdrawl");
  assert.match(await w.results.first().innerText(), /withdrawal/i);

  // No results: Contact support needs the desk build, which cannot be fetched.
  await box.fill("zqxv wobble");
  await w.button("Contact support").first().click();
  const alert = dialog.getByRole("alert");
  await alert.getByText("You seem to be offline").waitFor();
  assert.ok(deskRequests.length > 0, "the desk build was asked for");
  assert.deepEqual(page.errors, [], "a failed load is no error on the page");

  // Back online: Retry hands the panel over, with the query as the subject.
  await page.unroute("**/koban-desk*");
  await alert.getByRole("button", { name: "Try again" }).click();
  await w.heading("Contact support").waitFor();
  assert.equal(await w.field("Subject").inputValue(), "zqxv wobble");

  // The desk build now answers the loader: Escape closes, open shows the form again, and the
  // host saw one `open` per opening (the hand-over sends none).
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await w.api("open");
  await w.heading("Contact support").waitFor();
  assert.deepEqual(await page.evaluate(() => window.seen.filter((n) => n !== "ready")), ["open", "close", "open"]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("an article needs the desk build: offline says so, Try again opens it, Back returns to the results", async () => {
  const w = await s.visit(null);
  const { page, dialog } = w;
  await page.route("**/koban-desk*", (route) => route.abort("internetdisconnected"));
  await page.goto(s.koban.base + "/demo");
  await w.launcher.click();
  await w.search("withdrawl");
  const first = w.results.first();
  const title = (await first.locator(".kb-row-title").innerText()).trim();
  await first.click();
  const alert = dialog.getByRole("alert");
  await alert.getByText("You seem to be offline").waitFor();
  assert.equal(await dialog.locator("article").count(), 0, "no article without the desk build");

  await page.unroute("**/koban-desk*");
  await alert.getByRole("button", { name: "Try again" }).click();
  await w.heading(title, 3).waitFor();
  await w.heading("Was this helpful?").waitFor();
  await w.button("Back").click();
  assert.equal(await w.searchBox.inputValue(), "withdrawl");
  await w.results.first().waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a guide left unfinished hands over on open, and the user typing a query keeps focus and every key", async () => {
  const w = await s.open("/demo");
  const { page, dialog } = w;
  await w.api("startFlow", "node-offline");
  await w.button("Still not working").click();
  await dialog.getByText("Step 3").waitFor();

  // Reload: the first download opens the panel; the desk build is held back while the user types.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route("**/koban-desk*", async (route) => { await held; await route.continue(); });
  await page.reload();
  await w.launcher.click();
  const box = w.searchBox;
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
