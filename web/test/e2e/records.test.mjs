// A citizen at home: signs in with the QR code (the phone reads the card), sees their coverage and the clinic's
// check in "who looked at my records", books a telehealth visit and joins it, grants and revokes a consent.
import { after, before, test } from "node:test";
import { doctorAccepts, receptionCheck } from "./support/api.mjs";
import { bridgeHasCors, check, context, launch } from "./support/browser.mjs";
import { card } from "./support/cards.mjs";
import { webUrl } from "./support/env.mjs";
import { phoneAnswers } from "./support/phone.mjs";

const CITIZEN = "05";
let browser, page;

before(async () => {
  const shimCors = !(await bridgeHasCors());
  if (shimCors) console.log("# the bridge sends no CORS headers yet: this browser adds them to its answers (issue 15)");
  await receptionCheck(CITIZEN); // the clinic checked this person's card at its reception desk
  browser = await launch();
  page = await (await context(browser, { shimCors })).newPage();
});

after(async () => {
  await browser?.close();
});

test("the citizen signs in with the QR code and the page continues by itself when the phone has read the card", async (t) => {
  await page.goto(`${webUrl}/records/`);
  await page.waitForSelector("#sign-in-chip");
  await check(page, "records-01-start", t);
  await page.click("#sign-in-chip");
  await page.waitForSelector("#cccd-login");
  t.assert.equal(await page.locator("#cccd-continue").isVisible(), false, "no competing Continue button");
  await check(page, "records-02-keycloak-qr", t);
  await phoneAnswers(page, CITIZEN);
  await page.waitForURL(`${webUrl}/records/**`, { timeout: 30_000 });
  await page.waitForSelector('[data-testid="coverage"], .status.bad', { timeout: 30_000 });
  const name = card(CITIZEN).citizen.fullName;
  t.assert.match(await page.textContent("header.bar"), new RegExp(name));
});

test("the citizen sees their insurance card as valid", async (t) => {
  const coverage = page.locator('[data-testid="coverage"]');
  t.assert.equal(await coverage.count(), 1, await page.textContent("main"));
  t.assert.equal(await coverage.getAttribute("data-status"), "active");
  t.assert.match(await coverage.textContent(), /Thẻ BHYT đang có giá trị/);
  await check(page, "records-03-coverage", t);
});

test("who looked at my records shows the clinic's reception check", async (t) => {
  await page.click('nav a[href="#audit"]');
  await page.waitForSelector('[data-testid="timeline"] li');
  const clinic = page.locator('[data-testid="timeline"] li[data-client="clinic-reception"]');
  t.assert.ok((await clinic.count()) > 0, await page.textContent("main"));
  t.assert.match(await clinic.first().textContent(), /Phòng khám – quầy tiếp đón/);
  await check(page, "records-04-audit", t);
  await page.selectOption("#f-kind", "others");
  for (const li of await page.locator('[data-testid="timeline"] li').all()) {
    t.assert.notEqual(await li.getAttribute("data-client"), "my-records");
  }
});
