// Guided flows e2e (issue 6): the real koban server with the shipped flows, the demo dashboard
// and its registered checks (node_status reads the demo's "back online" toggle), Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startKoban, launchBrowser, newPage, report, eventually } from "./support.mjs";

let koban, browser;

before(async () => {
  koban = await startKoban();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await koban?.stop();
});

/** The demo dashboard (Nodes page, nas-home offline) with flow events recorded. */
async function demo() {
  const page = await newPage(browser);
  await page.goto(koban.base + "/demo");
  await page.evaluate(() => {
    window.__events = [];
    for (const name of ["flowStarted", "flowStepViewed", "flowCompleted"]) Koban("on", name, (d) => window.__events.push({ name, ...d }));
  });
  return page;
}

const dialogOf = (page) => page.getByRole("dialog", { name: "Help" });
const heading = (dialog, name) => dialog.getByRole("heading", { name, level: 4 });

async function startFlow(page, id) {
  await page.evaluate((id) => Koban("startFlow", id), id);
  const dialog = dialogOf(page);
  await dialog.getByRole("heading", { name: "Fix a node that is offline" }).waitFor();
  return dialog;
}


test("a flow started from the page's suggestion reaches resolved, one step at a time, by keyboard", async () => {
  const page = await demo();
  await page.getByRole("button", { name: "Help", exact: true }).click();
  const dialog = dialogOf(page);
  const suggested = dialog.getByRole("region", { name: "Suggested for this page" });
  const guide = suggested.getByRole("button", { name: /Guide\s*Fix a node that is offline/ });
  await guide.click();
  // The live check ran (nas-home is offline) and the flow moved on to the restart step.
  await heading(dialog, "Try this").waitFor();
  await dialog.getByText("Step 2").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent ?? ""), "Try this", "focus moved to the step heading");
  await dialog.getByRole("checkbox", { name: "The machine is powered on and awake" }).check();
  await dialog.getByRole("button", { name: "This worked" }).focus();
  await page.keyboard.press("Enter");
  await heading(dialog, /Great, your node is back online/).waitFor();
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.find((e) => e.name === "flowStarted"), { name: "flowStarted", id: "node-offline" });
  assert.deepEqual(events.filter((e) => e.name === "flowStepViewed").map((e) => [e.step, e.number]), [["status", 1], ["restart-agent", 2], ["resolved", 3]]);
  assert.deepEqual(events.find((e) => e.name === "flowCompleted"), { name: "flowCompleted", id: "node-offline", outcome: "resolved" });
  await eventually(() => {
    const flow = report(koban).flows.find((f) => f.flowId === "node-offline");
    assert.ok(flow && flow.resolved >= 1, JSON.stringify(report(koban).flows));
  });
  await page.context().close();
});

test("a registered check branches on the demo's live state", async () => {
  const page = await demo();
  let dialog = await startFlow(page, "node-offline");
  await heading(dialog, "Try this").waitFor();
  // The node comes back: the same check now answers `online`.
  await page.keyboard.press("Escape");
  await page.getByLabel("Simulate: nas-home is back online").check();
  dialog = await startFlow(page, "node-offline");
  await dialog.getByRole("button", { name: "Start over" }).click();
  await heading(dialog, /Your node is online/).waitFor();
  await page.context().close();
});

test("a check that throws takes the fallback step and the page sees no error", async () => {
  const page = await demo();
  await page.evaluate(() => Koban("registerCheck", "node_status", () => { throw new Error("diagnostics backend down"); }));
  const dialog = await startFlow(page, "node-offline");
  await heading(dialog, "What does the Nodes page show next to your node?").waitFor();
  assert.deepEqual(page.errors, []);
  // A rejected promise is the same.
  await page.evaluate(() => Koban("registerCheck", "node_status", () => Promise.reject(new Error("nope"))));
  await dialog.getByRole("button", { name: "Online (green)" }).click();
  await dialog.getByRole("button", { name: "Start over" }).click();
  await heading(dialog, "What does the Nodes page show next to your node?").waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("reload in the middle resumes at the same step", async () => {
  const page = await demo();
  let dialog = await startFlow(page, "node-offline");
  await dialog.getByRole("button", { name: "Still not working" }).click();
  await dialog.getByText("Step 3").waitFor();
  const step = await dialog.locator(".kb-step-title").innerText();
  await page.reload();
  await page.getByRole("button", { name: "Help", exact: true }).click();
  dialog = dialogOf(page);
  await dialog.getByRole("region", { name: "Continue where you left off" }).getByRole("button", { name: /Fix a node that is offline/ }).click();
  await dialog.getByText("Step 3").waitFor();
  assert.equal(await dialog.locator(".kb-step-title").innerText(), step);
  await page.context().close();
});

test("a ticket outcome opens the form prefilled, with the transcript to read and remove", async () => {
  const page = await demo();
  const dialog = await startFlow(page, "node-offline");
  await dialog.getByRole("button", { name: "Still not working" }).click();
  await dialog.getByRole("button", { name: "Continue" }).click();
  await dialog.getByRole("button", { name: "Something else, or no error at all" }).click();
  await heading(dialog, /Our team will take it from here/).waitFor();
  const completed = await page.evaluate(() => window.__events.find((e) => e.name === "flowCompleted"));
  assert.deepEqual(completed, { name: "flowCompleted", id: "node-offline", outcome: "ticket" });
  await dialog.getByRole("button", { name: "Contact support" }).click();
  await dialog.getByRole("heading", { name: "Contact support" }).waitFor();
  assert.equal(await dialog.getByLabel("Topic").inputValue(), "nodes");
  assert.equal(await dialog.getByLabel("Subject").inputValue(), "Node still offline after restart (live status: offline)");
  const transcript = dialog.locator(".kb-transcript");
  await transcript.getByText("Troubleshooting steps you took").waitFor();
  const text = await transcript.innerText();
  assert.match(text, /Checking your node's live status… → node_status: offline/);
  assert.match(text, /Still not working/);
  assert.match(text, /Which of these do you see in the last lines\? → Something else, or no error at all/);
  await transcript.getByRole("button", { name: "Remove the steps from the message" }).click();
  await transcript.getByRole("button", { name: "Include the steps again" }).waitFor();
  await page.context().close();
});

test("flows are searchable and marked as guides; startFlow with an unknown id says so", async () => {
  const page = await demo();
  await page.getByRole("button", { name: "Help", exact: true }).click();
  const dialog = dialogOf(page);
  await dialog.getByRole("searchbox").fill("wallet connect");
  const result = dialog.getByRole("button", { name: /^Guide/ }).first();
  await result.waitFor();
  assert.match(await result.innerText(), /wallet/i);
  await page.evaluate(() => Koban("startFlow", "no-such-flow"));
  await dialog.getByText("This guide could not be found.").waitFor();
  await page.context().close();
});
