// The Keycloak pages as a person goes through them (the healthid login theme).
import { doctor02 } from "./env.mjs";
import { totp } from "./totp.mjs";

/** doctor02 at the staff browser flow: password, then the OTP code (level 2, acr pwd-otp). */
export async function staffLogin(page, t, check) {
  await page.waitForSelector("#username");
  await check(page, "reception-02-keycloak-password", t);
  await page.fill("#username", doctor02.username);
  await page.fill("#password", doctor02.password);
  await Promise.all([page.waitForLoadState("load"), page.click("#kc-login")]);
  await page.waitForSelector("#otp");
  await check(page, "reception-03-keycloak-otp", t);
  await page.fill("#otp", totp(doctor02.totpSecret));
  await Promise.all([page.waitForLoadState("load"), page.click("#kc-login")]);
}
