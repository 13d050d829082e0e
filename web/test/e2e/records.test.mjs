// A citizen at home: signs in with the QR code (the phone reads the card), sees their coverage and the clinic's
// check in "who looked at my records", books a telehealth visit and joins it, grants and revokes a consent.
import { after, before, test } from "node:test";
import { clerk01, doctorAccepts, receptionCheck } from "./support/api.mjs";
import { bridgeAllowsTheWebOrigin, check, context, launch } from "./support/browser.mjs";
import { card } from "./support/cards.mjs";
import { webUrl } from "./support/env.mjs";
import { phoneAnswers } from "./support/phone.mjs";

const CITIZEN = "05";
let browser, page;

before(async () => {
  if (!(await bridgeAllowsTheWebOrigin())) throw new Error(`the bridge does not allow ${webUrl} in CORS (HEALTHID_SECURITY_CORS_ALLOWED_ORIGINS)`);
  await receptionCheck(CITIZEN); // the clinic checked this person's card at its reception desk
  browser = await launch();
  page = await (await context(browser)).newPage();
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
  // First a card whose chip data was altered: refused, with the reason in words, never a raw code.
  await phoneAnswers(page, "fault-tampered-dg13");
  const refusal = page.locator(".hid-message-error");
  await refusal.waitFor({ timeout: 30_000 });
  const words = await refusal.textContent();
  t.assert.match(words, /dữ liệu trên chip đã bị sửa đổi/);
  t.assert.doesNotMatch(words, /[A-Z][A-Z0-9]*_[A-Z0-9_]+/);
  await check(page, "records-02b-keycloak-card-refused", t);
  await phoneAnswers(page, CITIZEN);
  // Keycloak shows whose card arrived and waits for the person's yes (identity-spi, cccd-confirm.ftl).
  await page.waitForSelector("#cccd-its-me", { timeout: 30_000 });
  t.assert.equal((await page.textContent("#cccd-name")).trim(), card(CITIZEN).citizen.fullName);
  await check(page, "records-02c-keycloak-confirm-card", t);
  await page.click("#cccd-its-me");
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
  // the check itself ($submit, with clerk01's token in X-Staff-Token) names the clerk; the clinic's Patient read before
  // it was made without a clerk's token and names nobody
  const submitted = page.locator('[data-testid="timeline"] li[data-client="clinic-reception"][data-staff]');
  t.assert.ok((await submitted.count()) > 0, await page.textContent("main"));
  t.assert.equal(await submitted.first().getAttribute("data-staff"), clerk01.practitioner);
  t.assert.match(await submitted.first().textContent(), new RegExp(`nhân viên ${clerk01.fullName}`));
  await check(page, "records-04-audit", t);
  await page.selectOption("#f-kind", "others");
  for (const li of await page.locator('[data-testid="timeline"] li').all()) {
    t.assert.notEqual(await li.getAttribute("data-client"), "my-records");
  }
});

test("the citizen books a telehealth visit, a doctor accepts it, and the citizen joins when the room opens", async (t) => {
  await page.click('nav a[href="#appointments"]');
  await page.waitForSelector("#book-form");
  await check(page, "records-05-appointments", t);
  await page.fill("#reason", "Tái khám huyết áp");
  await page.click("#book");
  const proposed = page.locator('[data-testid="appointments"] li[data-status="proposed"]').first();
  await proposed.waitFor();
  t.assert.match(await proposed.textContent(), /Chờ bác sĩ nhận/);
  await doctorAccepts(await proposed.getAttribute("data-id"));
  await page.reload();
  await page.waitForSelector('[data-testid="appointments"] li[data-status="booked"] [data-join]');
  await page.click('[data-testid="appointments"] li[data-status="booked"] [data-join]');
  const joined = page.locator('[data-testid="joined"]');
  await joined.waitFor({ timeout: 15_000 });
  t.assert.match(await joined.textContent(), /Đã vào phòng/);
  await check(page, "records-06-joined", t);
});

test("the citizen grants a clinic consent for treatment, sees it, and revokes it", async (t) => {
  await page.click('nav a[href="#consents"]');
  await page.waitForSelector("#grant-form");
  await page.selectOption("#clinic", "clinic-reception");
  await page.selectOption("#purpose", "TREAT");
  await page.click("#grant");
  const active = page.locator('[data-testid="consents"] li[data-status="active"]').first();
  await active.waitFor({ timeout: 15_000 }).catch(async () => {
    throw new Error("no active consent: " + (await page.textContent("main")));
  });
  t.assert.match(await active.textContent(), /Phòng khám – quầy tiếp đón/);
  await check(page, "records-07-consent-granted", t);
  const id = await active.getAttribute("data-id");
  await page.click(`[data-revoke="${id}"]`);
  await page.waitForSelector(`[data-testid="consents"] li[data-id="${id}"][data-status="inactive"]`, { timeout: 15_000 });
  await check(page, "records-08-consent-revoked", t);
  await page.click('nav a[href="#audit"]');
  await page.click("text=Tải lại");
  await page.waitForSelector('[data-testid="timeline"] li');
  t.assert.match(await page.textContent('[data-testid="timeline"]'), /đồng ý chia sẻ/);
});
