// Sandbox cards issued by `bin/healthid up` (HEALTHID_HOME/cards/cards/NN.card.json), read by the reader simulator
// (`bin/cccd read`), as a phone or a desk reader would answer a healthid nonce.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { config, repoRoot } from './config.js';

const run = promisify(execFile);

export function cardFile(number) {
  return path.join(config.cards, `${String(number).padStart(2, '0')}.card.json`);
}

export function cardJson(number) {
  return JSON.parse(fs.readFileSync(cardFile(number), 'utf8'));
}

/** The chip bundle (docs/chip-bundle.md) answering the nonce. */
export async function readCard(number, nonce) {
  const { stdout } = await run(path.join(repoRoot, 'bin', 'cccd'), ['read', '--card', cardFile(number), '--nonce', nonce], {
    maxBuffer: 4 * 1024 * 1024,
  });
  return stdout;
}

/** The phone of the cross-device login: posts the card's bundle to the QR code's callback. */
export async function phonePosts(number, challenge, callback) {
  const bundle = await readCard(number, challenge);
  const response = await fetch(callback, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: bundle });
  if (response.status !== 202) {
    throw new Error(`the phone callback answered ${response.status}: ${await response.text()}`);
  }
}

/** The clinic's desk reader (chip back channel): the citizen's token through the clinic; records the visit. */
export async function clinicReadsCard(number, scope = 'openid profile patient/Patient.rs') {
  const form = (fields) => ({ method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
  const auth = { client_id: config.clinic.id, client_secret: config.clinic.secret };
  const challengeResponse = await fetch(`${config.realm}/cccd/challenge`, form(auth));
  if (!challengeResponse.ok) throw new Error(`challenge refused: ${challengeResponse.status}`);
  const { challenge } = await challengeResponse.json();
  const bundle = await readCard(number, challenge);
  const token = await fetch(`${config.realm}/protocol/openid-connect/token`, form({
    ...auth,
    grant_type: 'urn:vn:healthid:params:oauth:grant-type:cccd-chip',
    chip_bundle: bundle,
    scope,
  }));
  if (!token.ok) throw new Error(`chip grant refused: ${token.status} ${await token.text()}`);
  return token.json();
}

/** The clerk's own token at the clinic's software (sandbox password grant): the X-Staff-Token of coverage checks. */
export async function clerkToken() {
  const response = await fetch(`${config.realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: config.clinic.id, client_secret: config.clinic.secret, username: config.clerk.username, password: config.clerk.password, scope: 'openid profile' }),
  });
  if (!response.ok) throw new Error(`clerk login refused: ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

/**
 * The citizen's first visit at the clinic: the desk reads the card and the clinic's software opens the citizen's
 * Patient, which registers it at the bridge (a public app's token carries no identity to register it from:
 * docs/smart.md, "Standalone launch"). Returns the patient id.
 */
export async function firstVisitAtTheClinic(number) {
  const tokens = await clinicReadsCard(number);
  const fhirUser = JSON.parse(Buffer.from(tokens.access_token.split('.')[1], 'base64url').toString('utf8')).fhirUser;
  const read = await fetch(`${config.fhirBase}/${fhirUser}`, { headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: 'application/fhir+json' } });
  if (read.status !== 200) throw new Error(`the clinic could not open ${fhirUser}: ${read.status} ${await read.text()}`);
  return fhirUser.replace('Patient/', '');
}
