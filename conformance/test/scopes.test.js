// Truthful discovery: every scope in scopes_supported is granted when requested by a sandbox client of its kind,
// and no sandbox client is granted a scope that is not advertised.
import '../lib/answers.js'; // every FHIR answer of the bridge is saved for the validator
import { test, before, after } from 'node:test';
import { config } from '../lib/config.js';
import { rule, RULES } from '../lib/rules.js';
import { startAppServer } from '../lib/app-server.js';
import { startBrowser } from '../lib/browser.js';
import { codeFlow, discover } from '../lib/oidc.js';

let app;
let browser;
let advertised;

before(async () => {
  app = await startAppServer();
  browser = await startBrowser();
  advertised = (await (await fetch(`${config.fhirBase}/.well-known/smart-configuration`)).json()).scopes_supported;
});

after(async () => {
  await browser?.close();
  await app?.close();
});

const granted = (tokens) => (tokens.scope || '').split(' ').filter(Boolean);

function checkGrant(who, requested, result) {
  rule(RULES.scopeAdvertisedGranted, result.tokens !== undefined, `${who} requesting "${requested.join(' ')}" was refused: ${result.error}`);
  const got = granted(result.tokens);
  const refused = requested.filter((scope) => !got.includes(scope));
  rule(RULES.scopeAdvertisedGranted, refused.length === 0, `${who} was not granted ${refused.join(', ')}`);
  const unadvertised = got.filter((scope) => !advertised.includes(scope));
  rule(RULES.scopeGrantedAdvertised, unadvertised.length === 0, `${who} was granted ${unadvertised.join(', ')}`);
  return got;
}

test('every advertised scope is granted to a sandbox client, and every granted scope is advertised', async () => {
  const covered = new Set();
  const citizenScopes = advertised.filter((s) => ['openid', 'profile', 'fhirUser', 'launch', 'launch/patient'].includes(s) || s.startsWith('patient/'));
  // profile and email are optional scopes of the clinic clients (OIDC Core 5.4): granted when asked, never unasked.
  const staffScopes = advertised.filter((s) => ['openid', 'profile', 'email'].includes(s) || s.startsWith('user/'));
  const systemScopes = advertised.filter((s) => s.startsWith('system/'));

  // A citizen at the public SMART app (chip login).
  const context = await browser.newContext();
  const citizen = await codeFlow(await context.newPage(), app, { oidcConfig: await discover(config.app), scope: citizenScopes.join(' '), card: 3 });
  checkGrant(`${config.app} (citizen)`, citizenScopes, citizen).forEach((s) => covered.add(s));
  await context.close();

  // Clinic staff at the confidential workstation (password).
  const staffContext = await browser.newContext();
  const staff = await codeFlow(await staffContext.newPage(), app, {
    oidcConfig: await discover(config.workstation.id, config.workstation.secret),
    scope: staffScopes.join(' '),
    staff: config.staff,
  });
  checkGrant(`${config.workstation.id} (staff)`, staffScopes, staff).forEach((s) => covered.add(s));
  await staffContext.close();

  // The clinic's system (client credentials).
  const response = await fetch(`${config.realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: config.clinic.id, client_secret: config.clinic.secret, scope: systemScopes.join(' ') }),
  });
  const body = await response.json();
  checkGrant(`${config.clinic.id} (client credentials)`, systemScopes, response.ok ? { tokens: body } : { error: JSON.stringify(body) }).forEach((s) => covered.add(s));

  const uncovered = advertised.filter((scope) => !covered.has(scope));
  rule(RULES.scopeAdvertisedGranted, uncovered.length === 0, `advertised but granted to no sandbox client: ${uncovered.join(', ')}`);
});

test('offline_access is neither advertised nor granted to the public app', async () => {
  rule(RULES.scopeGrantedAdvertised, !advertised.includes('offline_access'), 'offline_access advertised');
  const context = await browser.newContext();
  const result = await codeFlow(await context.newPage(), app, { oidcConfig: await discover(config.app), scope: 'openid offline_access', card: 3 });
  await context.close();
  rule(RULES.scopeGrantedAdvertised, result.tokens === undefined || !granted(result.tokens).includes('offline_access'), 'a public client got offline_access');
});
