// Where the running stack is (the same variables as bin/healthid), and where artifacts go.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const env = process.env;
export const root = resolve(fileURLToPath(new URL("../../../..", import.meta.url)));
export const home = resolve(env.HEALTHID_HOME ?? join(root, ".healthid"));
export const keycloakUrl = `http://localhost:${env.KEYCLOAK_PORT ?? 8080}`;
export const realmUrl = `${keycloakUrl}/realms/health`;
export const fhirUrl = `http://localhost:${env.BRIDGE_PORT ?? 8081}/fhir`;
export const webUrl = `http://localhost:${env.WEB_PORT ?? 8090}`;
export const gatewayAdminUrl = `http://127.0.0.1:${env.GATEWAY_PORT ?? 8089}/__admin`;
// the sandbox desk reader, `bin/healthid reader` (.ci/web.sh starts it beside the stack)
export const readerUrl = `http://127.0.0.1:${env.READER_PORT ?? env.HEALTHID_READER_PORT ?? 8765}`;
export const cardsDir = join(home, "cards", "cards");
export const chromium = env.CHROMIUM ?? "/usr/bin/chromium";
export const artifacts = resolve(env.WEB_E2E_ARTIFACTS ?? join(root, "web", "test-results"));
mkdirSync(artifacts, { recursive: true });

export const clinic = { id: "clinic-reception", secret: "sandbox-clinic-reception-secret" };
export const doctor02 = { username: "doctor02", password: "sandbox-doctor02", totpSecret: "sandbox-doctor02-totp-key" };
