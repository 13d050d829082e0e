// The SMART configuration: required fields, PKCE, capabilities this suite proves, CORS for the app's origin.
import '../lib/answers.js'; // every FHIR answer of the bridge is saved for the validator
import { test } from 'node:test';
import { config } from '../lib/config.js';
import { rule, RULES } from '../lib/rules.js';

const smartConfiguration = async () => {
  const response = await fetch(`${config.fhirBase}/.well-known/smart-configuration`);
  rule(RULES.discoveryRequired, response.status === 200, `HTTP ${response.status}`);
  return response.json();
};

// Every capability the bridge may advertise, with the test of this suite that shows it is true.
export const PROVEN_CAPABILITIES = {
  'launch-standalone': 'fhirclient.test.js standalone launch',
  'context-standalone-patient': 'fhirclient.test.js standalone launch (patient.read())',
  'launch-ehr': 'fhirclient.test.js EHR launch',
  'context-ehr-patient': 'fhirclient.test.js EHR launch',
  'context-ehr-encounter': 'fhirclient.test.js EHR launch (encounter)',
  'client-public': 'fhirclient.test.js and oidc.test.js (smart-sandbox-app is public)',
  'client-confidential-symmetric': 'scopes.test.js (clinic-workstation, clinic-reception secrets)',
  'sso-openid-connect': 'oidc.test.js (id_token, userinfo)',
  'authorize-post': 'oidc.test.js (POST to the authorization endpoint)',
  'permission-patient': 'scopes.test.js (patient/ scopes)',
  'permission-user': 'scopes.test.js (user/ scopes)',
  'permission-v2': 'scopes.test.js (v2 scopes granted)',
};

test('the SMART configuration has every required field, at the FHIR base and at the root', async () => {
  for (const url of [`${config.fhirBase}/.well-known/smart-configuration`, `${config.bridge}/.well-known/smart-configuration`]) {
    const response = await fetch(url);
    rule(RULES.discoveryRequired, response.status === 200, `${url}: HTTP ${response.status}`);
    const doc = await response.json();
    for (const field of ['issuer', 'jwks_uri', 'authorization_endpoint', 'token_endpoint', 'grant_types_supported', 'capabilities', 'code_challenge_methods_supported']) {
      rule(RULES.discoveryRequired, doc[field] !== undefined, `${url} lacks ${field}`);
    }
    rule(RULES.discoveryRequired, doc.issuer === config.realm, `issuer ${doc.issuer}`);
  }
});

test('PKCE is S256 only', async () => {
  const doc = await smartConfiguration();
  rule(RULES.pkceS256, JSON.stringify(doc.code_challenge_methods_supported) === '["S256"]', doc.code_challenge_methods_supported);
});

test('every advertised capability is one this suite proves', async () => {
  const doc = await smartConfiguration();
  const unproven = doc.capabilities.filter((capability) => !(capability in PROVEN_CAPABILITIES));
  rule(RULES.capabilityTrue, unproven.length === 0, `advertised without a test: ${unproven.join(', ')}`);
  for (const needed of ['launch-standalone', 'launch-ehr', 'context-standalone-patient', 'context-ehr-patient', 'permission-v2', 'client-public', 'sso-openid-connect']) {
    rule(RULES.capabilityTrue, doc.capabilities.includes(needed), `${needed} is not advertised although the stack supports it`);
  }
  rule(RULES.capabilityTrue, !doc.capabilities.includes('permission-v1'), 'permission-v1 advertised but v1 scopes are not granted');
});

test('CORS: the app origin gets a preflight answer on /fhir and the SMART configuration, a foreign origin none', async () => {
  for (const path of ['/fhir/metadata', '/fhir/Patient/p1', '/.well-known/smart-configuration']) {
    const preflight = (origin) => fetch(`${config.bridge}${path}`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    const allowed = await preflight(config.appOrigin);
    rule(RULES.cors, allowed.ok && allowed.headers.get('access-control-allow-origin') === config.appOrigin, `${path}: ${allowed.status} ${allowed.headers.get('access-control-allow-origin')}`);
    rule(RULES.cors, allowed.headers.get('access-control-allow-origin') !== '*', `${path}: *`);
    const foreign = await preflight('https://attacker.example');
    rule(RULES.cors, foreign.headers.get('access-control-allow-origin') === null, `${path}: a foreign origin got ${foreign.headers.get('access-control-allow-origin')}`);
  }
});
