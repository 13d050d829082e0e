// A certified OpenID Connect relying party library (openid-client 6) against the realm: discovery, authorization
// code with PKCE, id_token validation, userinfo, refresh, POST to the authorization endpoint, RP-initiated logout,
// and UTF-8 claims.
import '../lib/answers.js'; // every FHIR answer of the bridge is saved for the validator
import { test, before, after } from 'node:test';
import { createRequire } from 'node:module';
import { config } from '../lib/config.js';
import { rule, ruleEqual, RULES } from '../lib/rules.js';
import { startAppServer } from '../lib/app-server.js';
import { startBrowser, signIn } from '../lib/browser.js';
import { client, codeFlow, discover } from '../lib/oidc.js';
import { claimsUtf8 } from '../lib/jwt.js';

const require = createRequire(import.meta.url);
const CARD = 2;
let app;
let browser;
let context;
let oidcConfig;
let first;

before(async () => {
  app = await startAppServer();
  browser = await startBrowser();
  context = await browser.newContext();
  oidcConfig = await discover(config.app);
  first = await codeFlow(await context.newPage(), app, { oidcConfig, scope: 'openid profile fhirUser patient/Patient.rs', card: CARD });
});

after(async () => {
  await browser?.close();
  await app?.close();
});

test('discovery: the issuer, endpoints and S256 PKCE the SMART configuration names', async () => {
  const metadata = oidcConfig.serverMetadata();
  ruleEqual('OIDC Discovery 1.0 §4.3: issuer equals the URL discovered', metadata.issuer, config.realm);
  const smart = await (await fetch(`${config.fhirBase}/.well-known/smart-configuration`)).json();
  ruleEqual('SMART App Launch 2.0 §Conformance: authorization_endpoint agrees with OIDC discovery', smart.authorization_endpoint, metadata.authorization_endpoint);
  ruleEqual('SMART App Launch 2.0 §Conformance: token_endpoint agrees with OIDC discovery', smart.token_endpoint, metadata.token_endpoint);
  rule('RFC 8414 §2 / RFC 7636: code_challenge_methods_supported lists S256', metadata.code_challenge_methods_supported?.includes('S256'));
  rule('OIDC RP-Initiated Logout 1.0 §2.1: end_session_endpoint is published', typeof metadata.end_session_endpoint === 'string');
});

test('authorization code with PKCE: the code exchange gives a validated id_token with fhirUser', async () => {
  rule(RULES.idToken, first.tokens !== undefined, String(first.error));
  const claims = first.tokens.claims();
  ruleEqual(`${RULES.idToken}: iss`, claims.iss, config.realm);
  rule(`${RULES.idToken}: aud contains the client_id`, [].concat(claims.aud).includes(config.app), claims.aud);
  rule(RULES.fhirUser, String(claims.fhirUser).startsWith('Patient/'), claims.fhirUser);
  ruleEqual('OIDC Core 1.0 §2 acr: the strongest proof the login made (a card with active authentication), unasked', claims.acr, 'urn:vn:healthid:acr:chip-aa');
  ruleEqual('RFC 8176 amr: hardware key and smart card for the chip', claims.amr, ['hwk', 'sc']);
  rule('OIDC Core 1.0 §5.4: email claims only with the email scope (and never email_verified without an e-mail)', !('email' in claims) && !('email_verified' in claims), claims);
});

test('single sign-on: another app of the realm at the same level does not ask for the card again', async () => {
  const portal = await codeFlow(await context.newPage(), app, {
    oidcConfig: await discover('patient-portal'),
    scope: 'openid patient/Patient.rs',
    noCardAgain: 'OIDC Core 1.0 §3.1.2.3 / SMART sso-openid-connect: an authenticated session is reused',
  });
  rule(RULES.idToken, portal.tokens !== undefined, String(portal.error));
  ruleEqual('SMART sso-openid-connect: the same subject', portal.tokens.claims().sub, first.tokens.claims().sub);
  ruleEqual('OIDC Core 1.0 §2 acr: the session keeps its level', portal.tokens.claims().acr, 'urn:vn:healthid:acr:chip-aa');
});

test('PKCE is enforced: a code exchanged without the verifier is refused', async () => {
  const verifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(oidcConfig, {
    redirect_uri: `${config.appOrigin}/callback`,
    scope: 'openid',
    state: 'pkce-check',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  const page = await context.newPage();
  const before = app.received.length;
  await page.goto(url.href);
  const callback = () => app.received.slice(before).find((href) => href.startsWith(`${config.appOrigin}/callback`));
  await signIn(page, async () => callback() !== undefined, { card: CARD });
  const code = new URL(callback()).searchParams.get('code');
  const response = await fetch(oidcConfig.serverMetadata().token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: config.app, redirect_uri: `${config.appOrigin}/callback`, code_verifier: client.randomPKCECodeVerifier() }),
  });
  ruleEqual('RFC 7636 §4.6: a wrong code_verifier is refused with invalid_grant', (await response.json()).error, 'invalid_grant');
});

test('a signed-in browser asking for a token for another FHIR server (aud) gets an error redirect and no code', async () => {
  const url = client.buildAuthorizationUrl(oidcConfig, {
    redirect_uri: `${config.appOrigin}/callback`,
    scope: 'openid',
    state: 'wrong-aud',
    code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
    code_challenge_method: 'S256',
    aud: 'https://fhir.counterfeit.example/fhir',
  });
  const page = await context.newPage();
  const before = app.received.length;
  await page.goto(url.href);
  const callback = () => app.received.slice(before).find((href) => href.startsWith(`${config.appOrigin}/callback`));
  for (let i = 0; i < 50 && callback() === undefined; i++) await page.waitForTimeout(100);
  rule('SMART App Launch 2.0 aud: the authorization server redirects back for a wrong aud', callback() !== undefined, page.url());
  const landed = new URL(callback());
  ruleEqual('RFC 6749 §4.1.2.1: invalid_request for a wrong aud', landed.searchParams.get('error'), 'invalid_request');
  rule('SMART App Launch 2.0 aud: no code for a server the EHR does not know', landed.searchParams.get('code') === null, landed.search);
  rule('RFC 6749 §4.1.2.1: the error carries the state', landed.searchParams.get('state') === 'wrong-aud', landed.search);
  rule('the stable reason AUD_NOT_THIS_FHIR_SERVER is in error_description', String(landed.searchParams.get('error_description')).startsWith('AUD_NOT_THIS_FHIR_SERVER'), landed.search);
  await page.close();
});

test('userinfo answers for the access token with the id_token\'s subject', async () => {
  const info = await client.fetchUserInfo(oidcConfig, first.tokens.access_token, first.tokens.claims().sub);
  ruleEqual(RULES.userinfo, info.sub, first.tokens.claims().sub);
});

test('refresh: a new access token for the same subject and session', async () => {
  const refreshed = await client.refreshTokenGrant(oidcConfig, first.tokens.refresh_token);
  rule(RULES.refresh, typeof refreshed.access_token === 'string' && refreshed.access_token !== first.tokens.access_token);
  ruleEqual(`${RULES.refresh}: same subject`, claimsUtf8(refreshed.access_token).sub, first.tokens.claims().sub);
});

test('the authorization endpoint accepts POST (authorize-post)', async () => {
  const verifier = client.randomPKCECodeVerifier();
  const fields = {
    response_type: 'code',
    client_id: config.app,
    redirect_uri: `${config.appOrigin}/callback`,
    scope: 'openid',
    state: 'posted',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  };
  const page = await context.newPage();
  const inputs = Object.entries(fields).map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`).join('');
  await page.setContent(`<form id="f" method="post" action="${oidcConfig.serverMetadata().authorization_endpoint}">${inputs}</form>`);
  const before = app.received.length;
  await page.evaluate(() => document.getElementById('f').submit());
  const callback = () => app.received.slice(before).find((href) => href.startsWith(`${config.appOrigin}/callback`));
  await signIn(page, async () => callback() !== undefined, { card: CARD });
  const landed = new URL(callback());
  rule(RULES.authorizePost, landed.searchParams.get('code') !== null && landed.searchParams.get('state') === 'posted', landed.search);
});

test('UTF-8 claims: openid-client decodes the Vietnamese name; fhirclient\'s Node adapter decodes it as ASCII', async () => {
  const idToken = first.tokens.id_token;
  const bytes = claimsUtf8(idToken);
  rule(RULES.utf8, /[^\x00-\x7f]/.test(bytes.name), `the sandbox citizen's name has no Vietnamese letters: ${bytes.name}`);
  ruleEqual(`${RULES.utf8}: openid-client claims().name`, first.tokens.claims().name, bytes.name);

  // fhirclient 2.6.3 lib/adapters/NodeAdapter.js: Buffer.from(str, "base64").toString("ascii") (docs/smart.md)
  const { jwtDecode } = require('fhirclient/lib/lib.js');
  const NodeAdapter = require('fhirclient/lib/adapters/NodeAdapter.js').default;
  let byFhirclient;
  try {
    byFhirclient = jwtDecode(idToken, NodeAdapter.prototype).name;
  } catch (error) {
    byFhirclient = `throws ${error}`;
  }
  rule(
    `${RULES.utf8}: fhirclient's Node adapter still decodes as ASCII; if this fails, fhirclient was fixed: update docs/smart.md, "Known issues"`,
    byFhirclient !== bytes.name,
    byFhirclient,
  );
});

test('RP-initiated logout ends the session: back at post_logout_redirect_uri, the refresh token is dead, the next login asks for the card', async () => {
  const page = await context.newPage();
  const before = app.received.length;
  const logout = client.buildEndSessionUrl(oidcConfig, {
    id_token_hint: first.tokens.id_token,
    post_logout_redirect_uri: `${config.appOrigin}/logged-out`,
    state: 'bye',
  });
  await page.goto(logout.href);
  await signIn(page, async () => app.received.slice(before).some((href) => href.startsWith(`${config.appOrigin}/logged-out`)), {});
  const landed = new URL(app.received.slice(before).find((href) => href.startsWith(`${config.appOrigin}/logged-out`)));
  ruleEqual(`${RULES.logout}: state is returned`, landed.searchParams.get('state'), 'bye');

  let refreshError;
  try {
    await client.refreshTokenGrant(oidcConfig, first.tokens.refresh_token);
  } catch (error) {
    refreshError = error;
  }
  rule(`${RULES.logout}: the refresh token of the ended session is refused`, refreshError?.error === 'invalid_grant', refreshError);

  const again = await codeFlow(await context.newPage(), app, { oidcConfig, scope: 'openid', card: CARD });
  rule(RULES.logout, again.tokens !== undefined, String(again.error));
  rule(`${RULES.logout}: no single sign-on after logout`, again.tokens.claims().sid !== first.tokens.claims().sid);
});
