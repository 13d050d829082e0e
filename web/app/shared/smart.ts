import FHIR from "fhirclient";
import type Client from "fhirclient/lib/Client";
import { config } from "./config";
import { claims, text } from "./jwt";

/** A SMART standalone launch with fhirclient: authorization code + PKCE S256 at the realm the bridge's
 * smart-configuration names. `extra` adds authorization parameters fhirclient has no option for
 * (acr_values for a step-up, kc_idp_hint for VNeID). */
export async function signIn(clientId: string, scope: string, redirectPath: string, extra: Record<string, string> = {}) {
  const cfg = await config();
  const url = (await FHIR.oauth2.authorize({
    iss: cfg.fhirBaseUrl,
    clientId,
    scope,
    redirectUri: new URL(redirectPath, location.origin).toString(),
    pkceMode: "required",
    noRedirect: true,
  })) as unknown as string;
  const target = new URL(url, location.href);
  for (const [k, v] of Object.entries(extra)) target.searchParams.set(k, v);
  location.assign(target.toString());
}

/** The session fhirclient keeps in sessionStorage, if any. */
export function hasSession(): boolean {
  return sessionStorage.getItem("SMART_KEY") !== null || new URLSearchParams(location.search).has("code");
}

export interface Session {
  client: Client;
  accessToken: string;
  idToken: string | undefined;
  /** access-token claims, decoded as UTF-8 (fhirclient's browser decoder is Latin-1). */
  access: Record<string, unknown>;
  id: Record<string, unknown>;
  /** "Patient/<id>" or "Practitioner/<id>" */
  fhirUser: string | undefined;
  name: string | undefined;
  acr: string | undefined;
}

export async function resume(): Promise<Session> {
  const client = await FHIR.oauth2.ready();
  if (new URLSearchParams(location.search).has("code")) {
    history.replaceState(null, "", location.pathname + location.hash);
  }
  const tokens = client.state.tokenResponse ?? {};
  const accessToken = String(tokens.access_token ?? "");
  const idToken = text(tokens.id_token);
  const access = claims(accessToken);
  const id = claims(idToken);
  const given = text(id.given_name) ?? text(access.given_name);
  const family = text(id.family_name) ?? text(access.family_name);
  // Vietnamese names are family name first (Keycloak's `name` is given name first).
  const name = family && given ? `${family} ${given}` : (text(id.name) ?? text(access.name) ?? family ?? given);
  return {
    client,
    accessToken,
    idToken,
    access,
    id,
    fhirUser: text(id.fhirUser) ?? text(access.fhirUser),
    name,
    acr: text(access.acr) ?? text(id.acr),
  };
}

/** The patient id: SMART's `patient` token parameter when Keycloak sends it, else the fhirUser claim. */
export function patientId(session: Session): string | undefined {
  const launched = text(session.client.state.tokenResponse?.patient);
  if (launched) return launched;
  const user = session.fhirUser;
  return user?.startsWith("Patient/") ? user.substring("Patient/".length) : undefined;
}

/** The level a token proves, from the realm's acr values (docs/chip-login.md: chip-aa 3, vneid-2 / pwd-otp 2). */
export function level(acr: string | undefined): number {
  const levels: Record<string, number> = {
    "urn:vn:healthid:acr:chip-aa": 3,
    "urn:vn:healthid:acr:chip-pa": 2,
    "urn:vn:healthid:acr:vneid-2": 2,
    "urn:vn:healthid:acr:pwd-otp": 2,
    "urn:vn:healthid:acr:vneid-1": 1,
    "urn:vn:healthid:acr:pwd": 1,
  };
  return acr ? (levels[acr] ?? 0) : 0;
}

/** RP-initiated logout at the realm (OIDC), then back to the app's start page. */
export async function signOut(session: Session, backTo: string) {
  const authorize = String(session.client.state.authorizeUri ?? "");
  sessionStorage.clear();
  if (!authorize) {
    location.assign(backTo);
    return;
  }
  const logout = new URL(authorize.replace(/\/auth$/, "/logout"));
  if (session.idToken) logout.searchParams.set("id_token_hint", session.idToken);
  logout.searchParams.set("post_logout_redirect_uri", new URL(backTo, location.origin).toString());
  location.assign(logout.toString());
}
