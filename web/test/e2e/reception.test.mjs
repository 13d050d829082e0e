// The clerk at the reception desk: signs in (password + OTP), reads cards through the desk reader (the real
// `cccd-reader serve`: `bin/healthid reader` over the sandbox cards' emulated chips, started by .ci/web.sh) and sees
// the insured answer, the not-insured answer of an expired insurance card, and a stale answer while the gateway is down.
import { after, before, test } from "node:test";
import { bridgeAllowsTheWebOrigin, check, context, launch } from "./support/browser.mjs";
import { card } from "./support/cards.mjs";
import { gatewayAdminUrl, readerUrl, webUrl } from "./support/env.mjs";
import { staffLogin } from "./support/login.mjs";

let browser, page, lastRead;

before(async () => {
  if (!(await bridgeAllowsTheWebOrigin())) throw new Error(`the bridge does not allow ${webUrl} in CORS (HEALTHID_SECURITY_CORS_ALLOWED_ORIGINS)`);
  const status = await fetch(`${readerUrl}/v1/status`, { headers: { Origin: webUrl } }).catch(() => undefined);
  if (status?.status !== 200) throw new Error(`no desk reader at ${readerUrl} (bin/healthid reader, READER_PORT)`);
  browser = await launch();
  const ctx = await context(browser);
  page = await ctx.newPage();
});

after(async () => {
  await browser?.close();
});

/** Clicks "Read card" and keeps what the reader answered the page, without its tokens. */
async function clickRead() {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(readerUrl) && r.request().method() === "POST", { timeout: 30_000 }),
    page.click("#read-card"),
  ]);
  const body = await response.json().catch(() => ({}));
  // whether the reader handed the clerk's token at the clinic too (staff_token), or its error code
  lastRead = { status: response.status(), staffToken: typeof body.staff_token === "string", error: body.error?.code };
}

async function read(number) {
  const c = card(number).citizen;
  await page.fill("#number", c.number);
  await page.fill("#birth", c.dateOfBirth);
  await page.fill("#expiry", c.dateOfExpiry ?? "");
  await clickRead();
  await page.waitForSelector('[data-testid="eligibility"], [data-testid="problem"]', { timeout: 30_000 });
  const timing = page.locator('[data-testid="timing"]');
  if (await timing.count()) {
    // A figure for the report (docs/web-apps.md), not an assertion: tests never time things.
    console.log(`# card ${number}: reader ${await timing.getAttribute("data-reader-ms")} ms, lookup ${await timing.getAttribute("data-lookup-ms")} ms`);
  }
  const problem = page.locator('[data-testid="problem"]');
  if (await problem.count()) console.log("# the page shows: " + (await problem.textContent()).replace(/\s+/g, " "));
  console.log(`# the reader answered ${JSON.stringify(lastRead)}`);
  return c;
}

test("the clerk signs in with password and OTP and sees their own name, not a username", async (t) => {
  await page.goto(`${webUrl}/reception/`);
  await page.waitForSelector("#sign-in");
  await check(page, "reception-01-start", t);
  await page.click("#sign-in");
  await staffLogin(page, t, check);
  await page.waitForSelector("#read-form", { timeout: 30_000 });
  const bar = await page.textContent("header.bar");
  t.assert.match(bar, /Phạm Thu Hà/);
  t.assert.match(bar, /mức xác thực 2/);
  await check(page, "reception-04-signed-in", t);
});

test("a card insured at this clinic reads as insured, with the benefit level and the registered facility", async (t) => {
  await read("01");
  const answer = page.locator('[data-testid="eligibility"]');
  t.assert.equal(await answer.getAttribute("data-insured"), "true", await page.textContent("#answer"));
  t.assert.equal(await answer.getAttribute("data-stale"), "false");
  // the reader exchanged the clerk's sign-in for their token at the clinic: the officer of this check
  t.assert.deepEqual(lastRead, { status: 200, staffToken: true, error: undefined });
  const text = await answer.textContent();
  t.assert.match(text, /Có BHYT hôm nay/);
  t.assert.equal((await page.textContent('[data-testid="person"]')).trim(), card("01").citizen.fullName);
  t.assert.match(text, /000/);
  t.assert.match(text, /Đúng nơi đăng ký KCB ban đầu\s*Có/);
  t.assert.match(text, /Mức hưởng\s*\d+%/);
  await check(page, "reception-05-insured", t);
  await page.click("#history");
  await page.waitForSelector('[data-testid="history"], [data-testid="problem"]');
  t.assert.equal(await page.locator('[data-testid="problem"]').count(), 0, await page.textContent("#answer"));
  await check(page, "reception-06-history", t);
});

test("a card whose insurance expired reads as not insured, with the gateway's words in Vietnamese", async (t) => {
  await read("03");
  const answer = page.locator('[data-testid="eligibility"]');
  t.assert.equal(await answer.getAttribute("data-insured"), "false", await page.textContent("#answer"));
  t.assert.match(await answer.textContent(), /010/);
  t.assert.match(await answer.textContent(), /Không có BHYT dùng được hôm nay/);
  await check(page, "reception-07-not-insured", t);
});

test("wrong card data is a clerk's error with the next step", async (t) => {
  const c = card("01").citizen;
  await page.fill("#number", c.number);
  await page.fill("#birth", "2000-01-01");
  await page.fill("#expiry", "");
  await clickRead();
  const problem = page.locator('[data-testid="problem"]');
  await problem.waitFor();
  t.assert.equal(lastRead?.error, "READER_ACCESS_CONTROL_FAILED");
  t.assert.match(await problem.textContent(), /Dữ liệu thẻ không đúng/);
  t.assert.match(await problem.textContent(), /Bước tiếp theo/);
  await check(page, "reception-08-wrong-data", t);
});

test("with the gateway down, the last good answer is shown as stale with its age", async (t) => {
  await read("01"); // a fresh answer to fall back on
  await new Promise((r) => setTimeout(r, 3500)); // past the stack's cache TTL (HEALTHID_GATEWAY_CACHE_TTL in .ci/web.sh)
  const fault = await fetch(`${gatewayAdminUrl}/mappings`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ priority: 1, request: { method: "ANY", urlPathPattern: "/api/egw/.*" }, response: { fault: "CONNECTION_RESET_BY_PEER" } }),
  }).then((r) => r.json());
  try {
    await read("01");
    const answer = page.locator('[data-testid="eligibility"]');
    t.assert.equal(await answer.getAttribute("data-stale"), "true", await page.textContent("#answer"));
    t.assert.match(await answer.textContent(), /Kết quả cũ/);
    await check(page, "reception-09-stale", t);
  } finally {
    await fetch(`${gatewayAdminUrl}/mappings/${fault.id}`, { method: "DELETE" });
  }
});
