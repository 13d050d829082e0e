// Every FHIR answer the bridge gives this suite, in Node (fetch) and in Chromium (fhirclient's requests), saved as
// one file per answer into config.answers for HAPI's validator with the project's package: .ci/conformance.sh runs
// .ci/fhirsem-validate-answers.sh over the folder after the suite (docs/fhir-api.md, "Every answer validates").
// Importing this module installs the recorder on fetch; the browser's contexts get it from lib/browser.js.
import fs from 'node:fs';
import path from 'node:path';
import { config } from './config.js';

const bridgeOrigin = new URL(config.bridge).origin;
// The test file, so that each file's answers can be told apart (node --test runs one process per file).
const suiteFile = path.basename(process.argv[1] || 'suite').replace(/\.test\.js$/, '');
let sequence = 0;
const pending = new Set();

/**
 * An answer of the bridge's FHIR server: under /fhir, not the SMART configuration (JSON, not FHIR), not a CORS
 * preflight (no FHIR interaction). Everything else under /fhir is FHIR (fhir-bridge/README.md), refusals included.
 */
export function isFhirAnswer(url, method) {
  const target = new URL(url);
  return (
    target.origin === bridgeOrigin &&
    (target.pathname === '/fhir' || target.pathname.startsWith('/fhir/')) &&
    !target.pathname.includes('/.well-known/') &&
    method.toUpperCase() !== 'OPTIONS'
  );
}

// .json and .xml are what the validator reads; anything else is kept as .txt (and a body the browser could not hand
// over as .missed), and .ci/conformance.sh fails on those.
function extension(contentType) {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'application/fhir+json' || type === 'application/json' || type === 'application/json+fhir') return 'json';
  if (type === 'application/fhir+xml' || type === 'application/xml' || type === 'application/xml+fhir' || type === 'text/xml') return 'xml';
  return 'txt';
}

/** Saves one answer (a body of zero bytes, e.g. a 204, has nothing to validate) and lists it in index.tsv. */
export function saveAnswer(source, method, url, status, contentType, body, kind = extension(contentType)) {
  if (body.length === 0) return;
  const target = new URL(url);
  const what = target.pathname.replace(/^\/fhir\/?/, '').replace(/[^A-Za-z0-9.-]+/g, '_').slice(0, 80) || 'base';
  sequence += 1;
  const name = `${suiteFile}-${source}-${String(sequence).padStart(3, '0')}-${method.toUpperCase()}-${status}-${what}.${kind}`;
  fs.mkdirSync(config.answers, { recursive: true });
  fs.writeFileSync(path.join(config.answers, name), body);
  fs.appendFileSync(path.join(config.answers, 'index.tsv'), `${name}\t${method.toUpperCase()}\t${status}\t${contentType}\t${target.pathname}${target.search}\n`);
}

const originalFetch = globalThis.fetch;
if (!originalFetch.recordsAnswers) {
  const recording = async (input, init = {}) => {
    const response = await originalFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init.method || (typeof input === 'object' && 'method' in input ? input.method : 'GET');
    if (isFhirAnswer(url, method)) {
      // A clone, read to the end before the test reads the original: the file exists when the test goes on.
      const body = Buffer.from(await response.clone().arrayBuffer());
      saveAnswer('node', method, url, response.status, response.headers.get('content-type') || '', body);
    }
    return response;
  };
  recording.recordsAnswers = true;
  globalThis.fetch = recording;
}

/** Records the bridge's FHIR answers to the pages of a Playwright browser context. */
export function recordBrowserAnswers(context) {
  context.on('response', (response) => {
    const request = response.request();
    if (!isFhirAnswer(response.url(), request.method())) return;
    const job = response
      .body()
      .then((body) => saveAnswer('browser', request.method(), response.url(), response.status(), response.headers()['content-type'] || '', body))
      .catch((error) => {
        // Kept visible: a missed answer is one the validator does not see.
        process.stderr.write(`answers: could not read the body of ${request.method()} ${response.url()}: ${error}\n`);
        saveAnswer('browser', request.method(), response.url(), response.status(), '', Buffer.from(`body not readable: ${error}`), 'missed');
      })
      .finally(() => pending.delete(job));
    pending.add(job);
  });
}

/** Resolves when every browser answer seen so far is on disk (call before closing the page that got it). */
export async function answersSaved() {
  await Promise.allSettled([...pending]);
}
