// SMART's own JavaScript client (fhirclient 2.6, browser build) in Chromium: standalone launch with launch/patient
// and patient.read(), then an EHR launch with a context the clinic registered.
import '../lib/answers.js'; // every FHIR answer of the bridge is saved for the validator
import { test, before, after } from 'node:test';
import { config } from '../lib/config.js';
import { rule, ruleEqual, RULES } from '../lib/rules.js';
import { startAppServer } from '../lib/app-server.js';
import { startBrowser, signIn } from '../lib/browser.js';
import { clinicReadsCard, firstVisitAtTheClinic } from '../lib/cards.js';
import { claimsUtf8 } from '../lib/jwt.js';
import { registerLaunch } from '../lib/launch.js';
import { answersSaved } from '../lib/answers.js';

const CARD = 1;
let app;
let browser;
let context;

before(async () => {
  app = await startAppServer();
  browser = await startBrowser();
  context = await browser.newContext(); // one browser: the EHR launch reuses the citizen's session (SSO)
  await firstVisitAtTheClinic(CARD);
});

after(async () => {
  await browser?.close();
  await app?.close();
});

async function launchApp(query, signInWith) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${config.appOrigin}/launch.html?${new URLSearchParams({ iss: config.fhirBase, ...query })}`);
  await signIn(page, async () => page.url().startsWith(`${config.appOrigin}/app.html`) && (await page.evaluate(() => window.smartResult !== undefined)), signInWith);
  const result = await page.evaluate(() => window.smartResult);
  await answersSaved(); // fhirclient's answers (patient.read()) are read from the page before it closes
  await page.close();
  rule('fhirclient: FHIR.oauth2.ready() resolves', result.error === undefined, result.error);
  rule('fhirclient: no page errors', errors.length === 0, errors);
  return result;
}

test('standalone launch with launch/patient: the token response names the patient and patient.read() works', async () => {
  const result = await launchApp({ scope: 'openid fhirUser profile launch/patient patient/Patient.rs' }, { card: CARD });

  const idToken = claimsUtf8(result.tokenResponse.id_token);
  rule(RULES.fhirUser, typeof idToken.fhirUser === 'string' && idToken.fhirUser.startsWith('Patient/'), idToken.fhirUser);
  rule(RULES.standalonePatient, typeof result.tokenResponse.patient === 'string', result.tokenResponse);
  ruleEqual(RULES.standalonePatient, `Patient/${result.patientId}`, idToken.fhirUser);
  rule(`${RULES.cors}; SMART App Launch 2.0 §patient.read() with patient/Patient.rs`, result.patient?.resourceType === 'Patient', result.patientError);
  ruleEqual('FHIR R4 read: the Patient read is the patient in context', result.patient.id, result.patientId);
});

test('EHR launch: the app gets the patient and encounter the clinic registered for this launch', async () => {
  const desk = await clinicReadsCard(CARD);
  const patient = claimsUtf8(desk.access_token).fhirUser.replace('Patient/', '');
  const launch = await registerLaunch({ client_id: config.app, patient: `Patient/${patient}`, encounter: 'Encounter/visit-1' });

  const result = await launchApp({ launch: launch.launch, scope: 'openid fhirUser launch patient/Patient.rs' }, { card: CARD });

  ruleEqual(RULES.ehrPatient, result.tokenResponse.patient, patient);
  ruleEqual(RULES.ehrPatient, result.patientId, patient);
  ruleEqual(RULES.ehrEncounter, result.tokenResponse.encounter, 'visit-1');
  rule(RULES.ehrPatient, result.patient?.id === patient, result.patientError);
});

test('EHR launch: a launch value is used once', async () => {
  const desk = await clinicReadsCard(CARD);
  const patient = claimsUtf8(desk.access_token).fhirUser.replace('Patient/', '');
  const launch = await registerLaunch({ client_id: config.app, patient });
  await launchApp({ launch: launch.launch, scope: 'openid launch patient/Patient.rs' }, { card: CARD });

  const page = await context.newPage();
  await page.goto(`${config.appOrigin}/launch.html?${new URLSearchParams({ iss: config.fhirBase, launch: launch.launch, scope: 'openid launch patient/Patient.rs' })}`);
  await signIn(page, async () => page.url().startsWith(`${config.appOrigin}/app.html`) && (await page.evaluate(() => window.smartResult !== undefined)), { card: CARD });
  const replay = await page.evaluate(() => window.smartResult);
  await answersSaved();
  await page.close();
  rule('SMART App Launch 2.0 §EHR launch: the launch value is opaque and single use (replay refused)', replay.error !== undefined && replay.error.includes('LAUNCH_INVALID'), replay);
});

test('UTF-8 id_token in the browser: the documented workaround decodes the Vietnamese name fhirclient garbles', async (t) => {
  const result = await launchApp({ scope: 'openid fhirUser profile launch/patient patient/Patient.rs' }, { card: CARD });
  const bytes = claimsUtf8(result.tokenResponse.id_token);

  rule(RULES.utf8, /[^\x00-\x7f]/.test(bytes.name), `the sandbox citizen's name has no Vietnamese letters: ${bytes.name}`);
  ruleEqual(`${RULES.utf8}: decodeJwtUtf8 (docs/smart.md) in the browser`, result.idToken.name, bytes.name);
  t.diagnostic(`fhirclient getIdToken() in the browser: ${result.idTokenByFhirclientError ?? JSON.stringify(result.idTokenByFhirclient?.name)}`);
});
