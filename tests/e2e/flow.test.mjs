// Guided flows e2e (issue 6): the real koban server with the shipped flows, the demo dashboard
// and its registered checks (node_status reads the demo's "back online" toggle), Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup, report, eventually } from "./support.mjs";

const s = setup();

/** The demo dashboard (Nodes page, nas-home offline) with flow events recorded. */
async function demo() {
  const w = await s.open("/demo");
  await w.record("flowStarted", "flowStepViewed", "flowCompleted");
  return w;
}

test("a flow started from the page's suggestion reaches resolved, one step at a time, by keyboard", async () => {
  const w = await demo();
  const { page, dialog } = w;
  await w.open();
  await w.suggestions.filter({ hasText: /Guide\s*Fix a node that is offline/ }).click();
  // The live check ran (nas-home is offline) and the flow moved on to the restart step.
  await w.step("Try this").waitFor();
  await dialog.getByText("Step 2").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent ?? ""), "Try this", "focus moved to the step heading");
  await dialog.getByRole("checkbox", { name: "The machine is powered on and awake" }).check();
  await w.button("This worked").focus();
  await page.keyboard.press("Enter");
  await w.step(/Great, your node is back online/).waitFor();
  const events = await w.events();
  assert.deepEqual(events.find((e) => e.name === "flowStarted"), { name: "flowStarted", id: "node-offline" });
  assert.deepEqual(events.filter((e) => e.name === "flowStepViewed").map((e) => [e.step, e.number]), [["status", 1], ["restart-agent", 2], ["resolved", 3]]);
  assert.deepEqual(events.find((e) => e.name === "flowCompleted"), { name: "flowCompleted", id: "node-offline", outcome: "resolved" });
  await eventually(() => {
    const flow = report(s.koban).flows.find((f) => f.flowId === "node-offline");
    assert.ok(flow && flow.resolved >= 1, JSON.stringify(report(s.koban).flows));
  });
  await page.context().close();
});

test("a registered check branches on the demo's live state", async () => {
  const w = await demo();
  const page = w.page;
  await w.startFlow("node-offline");
  await w.step("Try this").waitFor();
  // The node comes back: the same check now answers `online`.
  await page.keyboard.press("Escape");
  await page.getByLabel("Simulate: nas-home is back online").check();
  await w.startFlow("node-offline");
  await w.button("Start over").click();
  await w.step(/Your node is online/).waitFor();
  await page.context().close();
});

test("a check that throws takes the fallback step and the page sees no error", async () => {
  const w = await demo();
  const page = w.page;
  await page.evaluate(() => Koban("registerCheck", "node_status", () => { throw new Error("diagnostics backend down"); }));
  await w.startFlow("node-offline");
  await w.step("What does the Nodes page show next to your node?").waitFor();
  assert.deepEqual(page.errors, []);
  // A rejected promise is the same.
  await page.evaluate(() => Koban("registerCheck", "node_status", () => Promise.reject(new Error("nope"))));
  await w.button("Online (green)").click();
  await w.button("Start over").click();
  await w.step("What does the Nodes page show next to your node?").waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("reload in the middle resumes at the same step", async () => {
  const w = await demo();
  const { page, dialog } = w;
  await w.startFlow("node-offline");
  await w.button("Still not working").click();
  await dialog.getByText("Step 3").waitFor();
  const step = await w.stepTitle.innerText();
  await page.reload();
  await w.launcher.click();
  await dialog.getByRole("region", { name: "Continue where you left off" }).getByRole("button", { name: /Fix a node that is offline/ }).click();
  await dialog.getByText("Step 3").waitFor();
  assert.equal(await w.stepTitle.innerText(), step);
  await page.context().close();
});

test("a ticket outcome opens the form prefilled, with the transcript to read and remove", async () => {
  const w = await demo();
  const { page, dialog } = w;
  await w.startFlow("node-offline");
  await w.button("Still not working").click();
  await w.button("Continue").click();
  await w.button("Something else, or no error at all").click();
  await w.step(/Our team will take it from here/).waitFor();
  const completed = (await w.events()).find((e) => e.name === "flowCompleted");
  assert.deepEqual(completed, { name: "flowCompleted", id: "node-offline", outcome: "ticket" });
  await w.button("Contact support").click();
  await w.heading("Contact support").waitFor();
  assert.equal(await w.field("Topic").inputValue(), "nodes");
  assert.equal(await w.field("Subject").inputValue(), "Node still offline after restart (live status: offline)");
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
  const w = await demo();
  const page = w.page;
  await w.open();
  await w.searchBox.fill("wallet connect");
  const result = w.button(/^Guide/).first();
  await result.waitFor();
  assert.match(await result.innerText(), /wallet/i);
  await w.api("startFlow", "no-such-flow");
  await w.dialog.getByText("This guide could not be found.").waitFor();
  await page.context().close();
});
