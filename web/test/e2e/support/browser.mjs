// Debian's Chromium through playwright-core (no browser download), axe-core on every page, screenshots at a
// desktop and a phone width.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium as playwright } from "playwright-core";
import { artifacts, chromium, fhirUrl, webUrl } from "./env.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 390, height: 844 };

/** Whether the bridge answers a CORS preflight from the web origin for what the pages send
 * (`healthid.security.cors.allowed-origins`, set by bin/healthid up and .ci/web.sh). */
export async function bridgeAllowsTheWebOrigin() {
  const r = await fetch(`${fhirUrl}/CoverageEligibilityRequest/$submit`, {
    method: "OPTIONS",
    headers: {
      Origin: webUrl,
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "authorization,content-type,x-staff-token",
    },
  });
  return r.headers.get("access-control-allow-origin") === webUrl;
}

export async function launch() {
  return playwright.launch({ executablePath: chromium, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
}

/** A fresh browser context in Vietnamese at Vietnam's time. The pages call the bridge, Keycloak and the reader
 * directly: every CORS header the browser sees is theirs. */
export async function context(browser, { viewport = DESKTOP } = {}) {
  return browser.newContext({ viewport, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
}

/** axe-core, WCAG 2.0/2.1 A and AA rules; returns the serious and critical violations. */
export async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // @ts-ignore
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** A screenshot of the page as it is, named by step, at the page's current width. */
export async function shot(page, name) {
  const width = page.viewportSize()?.width ?? 0;
  const suffix = width <= 480 ? "phone" : "desktop";
  const file = join(artifacts, `${name}-${suffix}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** axe, then the screenshot, at desktop and at phone width. */
export async function check(page, name, t) {
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    const violations = await axe(page);
    t.assert.deepStrictEqual(violations, [], `${name} at ${viewport.width}px: axe-core found serious violations`);
    await shot(page, name);
  }
  await page.setViewportSize(DESKTOP);
}
