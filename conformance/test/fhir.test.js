// The bridge's FHIR API as apps use it, for what it answers: the CapabilityStatement and its operations, the
// project's definitions at their canonical paths, a clinic's reception check (Patient, eligibility $submit, Coverage,
// $bhyt-history), a citizen's own records through the SMART app (self-service coverage, Consent, AuditEvent,
// Appointment), and refusals. Every answer is saved by lib/answers.js; .ci/conformance.sh validates them all with
// HAPI's validator and the project's package after the suite (docs/fhir-api.md).
import '../lib/answers.js';
import { test, before, after } from 'node:test';
import { config } from '../lib/config.js';
import { rule, ruleEqual, RULES } from '../lib/rules.js';
import { startAppServer } from '../lib/app-server.js';
import { startBrowser } from '../lib/browser.js';
import { clerkToken, clinicReadsCard } from '../lib/cards.js';
import { clinicToken } from '../lib/launch.js';
import { claimsUtf8 } from '../lib/jwt.js';
import { codeFlow, discover } from '../lib/oidc.js';

// Card 05 is insured at the sandbox clinic, 02 at another facility, 03's insurance card has expired
// (sandbox/stack GatewayPopulationCommand).
const CARD = 5;
const DESK_SCOPE = 'openid profile patient/Patient.rs patient/Coverage.rs patient/CoverageEligibilityRequest.c patient/Encounter.rs';
const APP_SCOPE = 'openid fhirUser launch/patient patient/Patient.rs patient/Coverage.rs patient/CoverageEligibilityRequest.c patient/Encounter.rs patient/AuditEvent.rs patient/Consent.cruds patient/Appointment.cruds';
const FHIR_JSON = 'application/fhir+json';
const DEFINITION_TYPES = ['StructureDefinition', 'ValueSet', 'CodeSystem', 'OperationDefinition'];
const CANONICAL_BASE = 'https://healthid.vn/fhir/';
const SYSTEM_SCOPE = 'system/Patient.rs system/Coverage.rs';

let app;
let browser;
let desk; // the citizen's chip-present token through the clinic (card CARD)
let patientId; // that citizen's Patient id
let clerk;
let citizen; // the same citizen's token at the public SMART app
let otherPatientId; // card 02's Patient, seen at the same desk

before(async () => {
  app = await startAppServer();
  browser = await startBrowser();
  desk = (await clinicReadsCard(CARD, DESK_SCOPE)).access_token;
  patientId = claimsUtf8(desk).fhirUser.replace('Patient/', '');
  clerk = await clerkToken();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

/** One FHIR request; the answer as status, headers and parsed JSON (lib/answers.js saves it). */
async function fhir(method, target, { token, staff, body, form, accept = FHIR_JSON, contentType, headers = {} } = {}) {
  const sent = { Accept: accept, ...headers };
  if (token) sent.Authorization = `Bearer ${token}`;
  if (staff) sent['X-Staff-Token'] = staff;
  let payload;
  if (form) {
    sent['Content-Type'] = 'application/x-www-form-urlencoded';
    payload = new URLSearchParams(form);
  } else if (body !== undefined) {
    sent['Content-Type'] = contentType || FHIR_JSON;
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const url = target.startsWith('http') ? target : `${config.fhirBase}/${target}`;
  const response = await fetch(url, { method, headers: sent, body: payload });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json, url };
}

function resourceOk(name, answer, status, type) {
  rule(name, answer.status === status, `${answer.url}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
  ruleEqual(`${name}: resourceType`, answer.json?.resourceType, type);
  return answer.json;
}

function searchset(answer, type) {
  const bundle = resourceOk(RULES.fhirSearch, answer, 200, 'Bundle');
  ruleEqual(`${RULES.fhirSearch}: Bundle.type`, bundle.type, 'searchset');
  for (const entry of bundle.entry ?? []) {
    ruleEqual(`${RULES.fhirSearch}: entry type`, entry.resource?.resourceType, type);
  }
  return bundle;
}

function codesOf(outcome) {
  return (outcome?.issue ?? []).flatMap((issue) => (issue.details?.coding ?? []).map((coding) => coding.code));
}

function refused(what, answer, status, code) {
  rule(`${RULES.fhirRefusal}: ${what}`, answer.status === status, `${answer.url}: expected ${status} ${code}, got ${answer.status} ${answer.text.slice(0, 300)}`);
  ruleEqual(`${RULES.fhirRefusal}: ${what}: resourceType`, answer.json?.resourceType, 'OperationOutcome');
  rule(`${RULES.fhirRefusal}: ${what}: the stable code ${code}`, codesOf(answer.json).includes(code), codesOf(answer.json));
}

/** Every canonical URL of the project in an answer (meta.profile, extension.url, coding.system, definitions). */
function canonicals(value, found = new Set()) {
  if (typeof value === 'string') {
    const match = value.match(/^https:\/\/healthid\.vn\/fhir\/(StructureDefinition|ValueSet|CodeSystem|OperationDefinition)\/[A-Za-z0-9.-]+$/);
    if (match) found.add(value);
  } else if (Array.isArray(value)) {
    value.forEach((item) => canonicals(item, found));
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach((item) => canonicals(item, found));
  }
  return found;
}

const seenCanonicals = new Set();
function keep(json) {
  canonicals(json, seenCanonicals);
  return json;
}

function eligibilityRequest(patient, identifier) {
  return {
    resourceType: 'Parameters',
    parameter: [{
      name: 'resource',
      resource: {
        resourceType: 'CoverageEligibilityRequest',
        ...(identifier ? { identifier: [{ system: 'urn:ietf:rfc:3986', value: identifier }] } : {}),
        status: 'active',
        purpose: ['validation', 'benefits'],
        patient: { reference: `Patient/${patient}` },
        created: new Date().toISOString().slice(0, 10),
        insurer: { display: 'Vietnam Social Security (BHXH)' },
        facility: { identifier: { system: 'urn:vn:bhyt-facility', value: '79071' } },
      },
    }],
  };
}

test('the CapabilityStatement (JSON and XML) declares every operation, each with its OperationDefinition served', async () => {
  const statement = keep(resourceOk(RULES.fhirCapabilities, await fhir('GET', 'metadata'), 200, 'CapabilityStatement'));
  ruleEqual(`${RULES.fhirCapabilities}: fhirVersion`, statement.fhirVersion, '4.0.1');
  const xml = await fhir('GET', 'metadata?_format=xml', { accept: 'application/fhir+xml' });
  rule(`${RULES.fhirCapabilities}: XML`, xml.status === 200 && xml.text.includes('<CapabilityStatement'), `HTTP ${xml.status}`);

  const operations = statement.rest[0].resource.flatMap((resource) => (resource.operation ?? []).map((operation) => ({ type: resource.type, ...operation })));
  const declared = operations.map((operation) => `${operation.type}/$${operation.name.replace(/^\$/, '')}`).sort();
  for (const needed of ['Appointment/$join', 'Appointment/$redeem-ticket', 'CoverageEligibilityRequest/$submit', 'Patient/$bhyt-history']) {
    rule(RULES.fhirCapabilities, declared.includes(needed), `${needed} not declared: ${declared.join(', ')}`);
  }
  for (const operation of operations) {
    rule(`${RULES.fhirCapabilities}: ${operation.name} has a canonical definition`, operation.definition?.startsWith(`${CANONICAL_BASE}OperationDefinition/`), operation.definition);
    const definition = resourceOk(RULES.fhirCanonical, await fhir('GET', operation.definition.slice(CANONICAL_BASE.length)), 200, 'OperationDefinition');
    ruleEqual(`${RULES.fhirCanonical}: url`, definition.url, operation.definition);
    ruleEqual(`${RULES.fhirCapabilities}: ${operation.name} code`, definition.code, operation.name.replace(/^\$/, ''));
  }
});

test('the project\'s definitions are served read-only at their canonical URLs\' paths, listed and searchable by url', async () => {
  let read = 0;
  for (const type of DEFINITION_TYPES) {
    const bundle = searchset(await fhir('GET', type), type);
    rule(`${RULES.fhirCanonical}: ${type} lists the package's definitions`, (bundle.entry ?? []).length > 0, bundle.total);
    for (const { resource } of bundle.entry) {
      rule(RULES.fhirCanonical, resource.url === `${CANONICAL_BASE}${type}/${resource.id}`, `${type}/${resource.id}: url ${resource.url}`);
      const one = resourceOk(`${RULES.fhirRead}: ${type}/${resource.id}`, await fhir('GET', `${type}/${resource.id}`), 200, type);
      ruleEqual(`${RULES.fhirRead}: ${type}/${resource.id} url`, one.url, resource.url);
      read += 1;
    }
    const first = bundle.entry[0].resource;
    const byUrl = searchset(await fhir('GET', `${type}?url=${encodeURIComponent(first.url)}`), type);
    ruleEqual(`${RULES.fhirSearch}: ${type}?url= finds exactly its definition`, byUrl.entry?.map((entry) => entry.resource.id), [first.id]);
  }
  rule(RULES.fhirCanonical, read >= 10, `only ${read} definitions`);
});

test('reception: the clinic reads the Patient, checks eligibility ($submit), reads Coverage and the treatment history', async () => {
  const patient = keep(resourceOk(RULES.fhirRead, await fhir('GET', `Patient/${patientId}`, { token: desk }), 200, 'Patient'));
  ruleEqual(`${RULES.fhirRead}: id`, patient.id, patientId);
  const byId = searchset(await fhir('GET', `Patient?_id=${patientId}`, { token: desk }), 'Patient');
  ruleEqual(`${RULES.fhirSearch}: _id`, byId.entry?.map((entry) => entry.resource.id), [patientId]);

  const check = await fhir('POST', 'CoverageEligibilityRequest/$submit', { token: desk, staff: clerk, body: eligibilityRequest(patientId, 'urn:uuid:8a0c6f5e-2b1d-4c3a-9e7f-000000000005') });
  const response = keep(resourceOk(RULES.fhirOperation, check, 200, 'CoverageEligibilityResponse'));
  rule('FHIR R4 CoverageEligibilityResponse.request (1..1)', response.request !== undefined, response);
  ruleEqual('FHIR R4 CoverageEligibilityResponse: the patient asked about', response.patient?.reference, `Patient/${patientId}`);
  ruleEqual('FHIR R4 CoverageEligibilityResponse: outcome', response.outcome, 'complete');
  rule('the insured card is in force at the clinic', response.insurance?.[0]?.inforce === true, response.insurance);

  // Card 02 (another registered facility) and card 03 (expired): other answers of the same operation.
  for (const card of [2, 3]) {
    const token = (await clinicReadsCard(card, DESK_SCOPE)).access_token;
    const id = claimsUtf8(token).fhirUser.replace('Patient/', '');
    if (card === 2) otherPatientId = id;
    const answer = await fhir('POST', 'CoverageEligibilityRequest/$submit', { token, staff: clerk, body: eligibilityRequest(id) });
    rule(`${RULES.fhirOperation} (card ${card})`, [200, 422].includes(answer.status), `HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
    keep(answer.json);
  }

  const coverage = keep(searchset(await fhir('GET', `Coverage?patient=Patient/${patientId}`, { token: desk, staff: clerk }), 'Coverage'));
  rule(`${RULES.fhirSearch}: the card`, (coverage.entry ?? []).length === 1, coverage.total);
  rule('Coverage names its profile', coverage.entry[0].resource.meta?.profile?.includes(`${CANONICAL_BASE}StructureDefinition/bhyt-coverage`), coverage.entry[0].resource.meta);

  const history = keep(resourceOk(RULES.fhirOperation, await fhir('GET', `Patient/${patientId}/$bhyt-history`, { token: desk, staff: clerk }), 200, 'Bundle'));
  ruleEqual(`${RULES.fhirOperation}: $bhyt-history is a collection`, history.type, 'collection');
  rule('$bhyt-history: the earlier visit at the clinic', (history.entry ?? []).some((entry) => entry.resource.resourceType === 'Encounter'), history.entry);
});

test('a citizen at the public SMART app: own record, self-service coverage, eligibility and history, Consent, AuditEvent, Appointment', async () => {
  const context = await browser.newContext();
  const login = await codeFlow(await context.newPage(), app, { oidcConfig: await discover(config.app), scope: APP_SCOPE, card: CARD });
  await context.close();
  rule(RULES.idToken, login.tokens !== undefined, String(login.error));
  citizen = login.tokens.access_token;
  ruleEqual(RULES.standalonePatient, login.tokens.patient, patientId);

  keep(resourceOk(RULES.fhirRead, await fhir('GET', `Patient/${patientId}`, { token: citizen }), 200, 'Patient'));
  const own = searchset(await fhir('GET', 'Patient', { token: citizen }), 'Patient');
  ruleEqual('fhir-bridge/README.md: a citizen\'s GET /fhir/Patient is their own record', own.entry?.map((entry) => entry.resource.id), [patientId]);

  const coverage = keep(searchset(await fhir('GET', `Coverage?patient=Patient/${patientId}`, { token: citizen }), 'Coverage'));
  rule(RULES.selfService, (coverage.entry ?? []).length === 1, coverage);
  const check = await fhir('POST', 'CoverageEligibilityRequest/$submit', { token: citizen, body: eligibilityRequest(patientId) });
  keep(resourceOk(`${RULES.selfService}; ${RULES.fhirOperation}`, check, 200, 'CoverageEligibilityResponse'));
  keep(resourceOk(`${RULES.selfService}; ${RULES.fhirOperation}`, await fhir('GET', `Patient/${patientId}/$bhyt-history`, { token: citizen }), 200, 'Bundle'));

  const start = new Date();
  const end = new Date(start.getTime() + 30 * 24 * 3600 * 1000);
  const created = await fhir('POST', 'Consent', {
    token: citizen,
    body: {
      resourceType: 'Consent',
      status: 'active',
      provision: {
        period: { start: start.toISOString(), end: end.toISOString() },
        actor: [{ reference: { identifier: { system: `${CANONICAL_BASE}sid/client-id`, value: config.clinic.id } } }],
        purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT' }, { system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HPAYMT' }],
      },
    },
  });
  rule(RULES.fhirCreate, created.status === 201, `HTTP ${created.status} ${created.text.slice(0, 300)}`);
  const location = created.headers.get('location') || '';
  rule(`${RULES.fhirCreate}: Location`, /\/fhir\/Consent\/[A-Za-z0-9.-]+\/_history\/[A-Za-z0-9.-]+$/.test(location), location);
  const consentId = location.match(/Consent\/([^/]+)/)[1];
  keep(resourceOk(RULES.fhirRead, await fhir('GET', `Consent/${consentId}`, { token: citizen }), 200, 'Consent'));
  keep(searchset(await fhir('GET', `Consent?patient=Patient/${patientId}`, { token: citizen }), 'Consent'));

  const trail = keep(searchset(await fhir('GET', `AuditEvent?patient=Patient/${patientId}`, { token: citizen }), 'AuditEvent'));
  rule('docs/audit-and-consent.md: the citizen sees who read their record', (trail.entry ?? []).length > 0, trail.total);
  keep(searchset(await fhir('GET', `Appointment?patient=Patient/${patientId}`, { token: citizen }), 'Appointment'));
});

test('a clinic\'s own token reaches the citizen\'s record under the Consent the citizen granted', async () => {
  const system = await clinicToken(SYSTEM_SCOPE);
  keep(resourceOk(RULES.fhirRead, await fhir('GET', `Patient/${patientId}`, { token: system }), 200, 'Patient'));
  const number = claimsUtf8(desk).national_id;
  if (number) {
    const found = searchset(await fhir('POST', 'Patient/_search', { token: system, form: { identifier: `urn:vn:cccd|${number}` } }), 'Patient');
    ruleEqual(`${RULES.fhirSearch}: identifier (POST _search)`, found.entry?.map((entry) => entry.resource.id), [patientId]);
  }
  keep(searchset(await fhir('GET', `Coverage?patient=Patient/${patientId}`, { token: system, staff: clerk }), 'Coverage'));
});

test('refusals are OperationOutcomes with their status and stable code', async () => {
  const anyone = `Patient/${patientId}`;
  refused('no token', await fhir('GET', anyone), 401, 'TOKEN_MISSING');
  refused('not a JWT', await fhir('GET', anyone, { token: 'not-a-token' }), 401, 'TOKEN_INVALID');
  refused('another patient\'s record', await fhir('GET', `Patient/${otherPatientId}`, { token: citizen }), 403, 'PATIENT_COMPARTMENT');
  refused('another patient\'s coverage', await fhir('GET', `Coverage?patient=Patient/${otherPatientId}`, { token: citizen }), 403, 'PATIENT_COMPARTMENT');
  refused('a clinic without its clerk', await fhir('POST', 'CoverageEligibilityRequest/$submit', { token: desk, body: eligibilityRequest(patientId) }), 403, 'STAFF_TOKEN_REQUIRED');
  refused('the reception check as a create', await fhir('POST', 'CoverageEligibilityRequest', { token: desk, staff: clerk, body: eligibilityRequest(patientId).parameter[0].resource }), 405, 'INTERACTION_UNSUPPORTED');
  refused('a body that is not JSON', await fhir('POST', 'CoverageEligibilityRequest/$submit', { token: desk, staff: clerk, body: '{"resourceType": "Parameters", ' }), 400, 'BODY_MALFORMED');
  refused('a search parameter not served', await fhir('GET', 'Patient?name=Nguyen', { token: citizen }), 400, 'PARAMETER_UNSUPPORTED');
  refused('an unknown definition', await fhir('GET', 'StructureDefinition/no-such-profile'), 404, 'NOT_FOUND');
  refused('a definition is read-only', await fhir('DELETE', 'CodeSystem/bridge-error'), 405, 'INTERACTION_UNSUPPORTED');
  refused('an unknown definition search parameter', await fhir('GET', 'CodeSystem?name=bridge-error'), 400, 'PARAMETER_UNSUPPORTED');
  refused('an unknown Patient', await fhir('GET', 'Patient/paaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', { token: await clinicToken(SYSTEM_SCOPE) }), 404, 'NOT_FOUND');
});

test('every canonical URL of the project in these answers resolves at the bridge', async () => {
  rule(RULES.fhirCanonical, seenCanonicals.size > 0, 'no canonical URL seen');
  for (const canonical of seenCanonicals) {
    const type = canonical.slice(CANONICAL_BASE.length).split('/')[0];
    const answer = await fhir('GET', canonical.slice(CANONICAL_BASE.length));
    rule(RULES.fhirCanonical, answer.status === 200 && answer.json?.resourceType === type && answer.json.url === canonical, `${canonical}: HTTP ${answer.status}`);
  }
});
