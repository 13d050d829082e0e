// The citizen's phone: reads the QR code's challenge from the login page and posts the card's bundle to the
// page's callback, as a reader app would (bin/healthid demo does the same).
import { bundle, card } from "./cards.mjs";

export async function phoneAnswers(page, name) {
  const root = page.locator("#cccd-login");
  await root.waitFor();
  const challenge = await root.getAttribute("data-challenge");
  const callback = await root.getAttribute("data-callback");
  const r = await fetch(callback, { method: "POST", headers: { "Content-Type": "application/json" }, body: await bundle(card(name).file, challenge) });
  if (r.status !== 202) throw new Error(`the phone's post: HTTP ${r.status} ${await r.text()}`);
}
