// Takes the README screenshots of the demo (real server, real bundle): node scripts/screenshot.mjs
import { startKoban, launchBrowser, newPage, ROOT } from "../tests/e2e/support.mjs";
import path from "node:path";

const koban = await startKoban();
const browser = await launchBrowser();
try {
  const page = await newPage(browser, { viewport: { width: 1200, height: 760 } });
  await page.goto(koban.base + "/demo");
  await page.getByRole("button", { name: "Help", exact: true }).click();
  await page.getByRole("dialog").locator(".kb-suggested").waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(ROOT, "docs/screenshots/demo.png") });
  await page.getByRole("searchbox", { name: "Search help" }).fill("withdrawl");
  await page.getByRole("dialog").locator(".kb-result").first().waitFor();
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(ROOT, "docs/screenshots/search.png") });
} finally {
  await browser.close();
  await koban.stop();
}
