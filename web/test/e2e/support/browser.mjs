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

/** Whether the bridge answers a CORS preflight from the web origin (helper "smart" adds it, issue 15). */
export async function bridgeHasCors() {
  const r = await fetch(`${fhirUrl}/metadata`, {
    method: "OPTIONS",
    headers: { Origin: webUrl, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" },
  });
  return r.headers.get("access-control-allow-origin") === webUrl;
}

export async function launch() {
  return playwright.launch({ executablePath: chromium, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
}

/**
 * A fresh browser context in Vietnamese at Vietnam's time. Until the bridge sends CORS headers itself, `shimCors`
 * adds them to the bridge's answers inside this test browser only (the pages still call the bridge directly); the
 * suite says so on its first line, so it is never mistaken for the bridge's behaviour.
 */
export async function context(browser, { viewport = DESKTOP, shimCors = false } = {}) {
  const ctx = await browser.newContext({ viewport, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  if (shimCors) {
    const bridge = new URL(fhirUrl).origin;
    await ctx.route(`${bridge}/**`, async (route) => {
      const cors = {
        "access-control-allow-origin": webUrl,
        "access-control-allow-headers": "authorization, content-type, accept, x-staff-token, if-match",
        "access-control-allow-methods": "GET, POST, PUT, DELETE",
        "access-control-expose-headers": "www-authenticate, location, etag",
        vary: "Origin",
      };
      try {
        if (route.request().method() === "OPTIONS") return await route.fulfill({ status: 204, headers: cors });
        const response = await route.fetch();
        return await route.fulfill({ response, headers: { ...response.headers(), ...cors } });
      } catch {
        // The test closed the browser while this request was in flight: nothing is waiting for the answer (and the
        // error would print the request, bearer token included).
      }
    });
  }
  return ctx;
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
