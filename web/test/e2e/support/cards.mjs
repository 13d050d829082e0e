// The sandbox cards `bin/healthid up` issued, and their chip bundles for a nonce (the sandbox reader simulator,
// sandbox/cards CardsCommand read, on the stack's classpath).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { cardsDir, home, root } from "./env.mjs";

const run = promisify(execFile);

export function card(name) {
  const file = join(cardsDir, `${name}.card.json`);
  return { file, citizen: JSON.parse(readFileSync(file, "utf8")).citizen };
}

function java() {
  const jdk = process.env.JAVA_HOME;
  return jdk ? join(jdk, "bin", "java") : "java";
}

export async function bundle(cardFile, nonce) {
  const classpath = `${join(root, "sandbox", "stack", "target", "classes")}:${readFileSync(join(home, "stack.classpath"), "utf8").trim()}`;
  const { stdout } = await run(java(), ["-cp", classpath, "vn.healthid.sandbox.cards.CardsCommand", "read", "--card", cardFile, "--nonce", nonce], {
    maxBuffer: 4 * 1024 * 1024,
  });
  return stdout.trim();
}

/** YYMMDD of an ISO date, 991231 for none (the MRZ's rule for cards without expiry). */
export function yymmdd(iso) {
  return iso ? iso.substring(2, 4) + iso.substring(5, 7) + iso.substring(8, 10) : "991231";
}
