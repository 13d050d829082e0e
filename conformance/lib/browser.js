// Debian's Chromium driven by playwright-core (never a downloaded browser), and the sandbox's headless sign-ins:
// the chip QR flow with a simulated phone, or a clinic staff password.
import { chromium } from 'playwright-core';
import { config } from './config.js';
import { phonePosts } from './cards.js';
import { answersSaved, recordBrowserAnswers } from './answers.js';

/** Chromium whose every context records the bridge's FHIR answers to its pages (lib/answers.js). */
export async function startBrowser() {
  const browser = await chromium.launch({ executablePath: config.chromium, headless: true, args: [
      // as root, and on a closed network: no sandbox, no background connections to Google's hosts
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ] });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...options) => {
    const context = await newContext(...options);
    recordBrowserAnswers(context);
    return context;
  };
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await answersSaved();
    return close();
  };
  return browser;
}

/**
 * Answers whatever sign-in page Keycloak shows until `done()` is true: the chip page (the phone posts `card`'s
 * bundle; the page moves on by itself), the "it's me" confirmation after the phone's delivery, or the staff
 * username/password form. Throws with the page text when nothing moves within the time limit, and at once when
 * `noCardAgain` (the rule's name) is given and the chip page shows.
 */
export async function signIn(page, done, { card, staff, noCardAgain } = {}) {
  const answered = new Set();
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (await done()) return { chipRead: answered.size > 0 };
    if (await visible(page, '#cccd-its-me')) {
      await page.click('#cccd-its-me');
      continue;
    }
    const chip = page.locator('#cccd-login');
    if (noCardAgain && (await chip.count()) > 0) {
      throw new Error(`${noCardAgain}: the realm asked for the card again at ${page.url()}`);
    }
    if (card !== undefined && (await chip.count()) > 0) {
      // The page moves on by itself once the phone has posted: it may be gone between count() and the reads, so
      // neither read waits (a missing page is looked at again on the next turn).
      const challenge = await chip.getAttribute('data-challenge', { timeout: 1_000 }).catch(() => null);
      const callback = await chip.getAttribute('data-callback', { timeout: 1_000 }).catch(() => null);
      if (challenge && callback && !answered.has(challenge)) {
        answered.add(challenge);
        await phonePosts(card, challenge, callback);
      }
    }
    if (staff && (await visible(page, '#username'))) {
      await page.fill('#username', staff.username);
      await page.fill('#password', staff.password);
      await page.click('#kc-login');
    }
    await page.waitForTimeout(250);
  }
  const text = await page.locator('body').innerText().catch(() => '');
  throw new Error(`sign-in did not finish at ${page.url()}: ${text.slice(0, 400)}`);
}

async function visible(page, selector) {
  try {
    return await page.locator(selector).first().isVisible();
  } catch {
    return false;
  }
}
