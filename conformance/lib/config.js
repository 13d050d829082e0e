// Where the stack under test runs: the same environment variables as bin/healthid (docs/smart.md, conformance).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');

const keycloakPort = process.env.KEYCLOAK_PORT || '8080';
const bridgePort = process.env.BRIDGE_PORT || '8081';

export const config = {
  keycloak: process.env.CONFORMANCE_KEYCLOAK_URL || `http://localhost:${keycloakPort}`,
  bridge: process.env.CONFORMANCE_BRIDGE_URL || `http://localhost:${bridgePort}`,
  home: process.env.HEALTHID_HOME || path.join(repoRoot, '.healthid'),
  // The app's origin is registered in the realm (smart-sandbox-app webOrigins) and in the bridge's CORS list.
  appPort: Number(process.env.CONFORMANCE_APP_PORT || '8096'),
  chromium: process.env.CONFORMANCE_CHROMIUM || '/usr/bin/chromium',
  // Every FHIR answer of the bridge the suite receives is saved here for the validator (lib/answers.js).
  answers: process.env.CONFORMANCE_ANSWERS || path.join(repoRoot, 'target', 'conformance-answers'),
  app: 'smart-sandbox-app',
  clinic: { id: 'clinic-reception', secret: 'sandbox-clinic-reception-secret' },
  workstation: { id: 'clinic-workstation', secret: 'sandbox-clinic-workstation-secret' },
  staff: { username: 'doctor01', password: 'sandbox-doctor01' },
  clerk: { username: 'clerk01', password: 'sandbox-clerk01' },
};

config.realm = `${config.keycloak}/realms/health`;
config.fhirBase = `${config.bridge}/fhir`;
config.appOrigin = `http://localhost:${config.appPort}`;
config.cards = path.join(config.home, 'cards', 'cards');
