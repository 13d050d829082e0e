// Assertions whose failure message names the SMART or OIDC rule that was broken.
import assert from 'node:assert/strict';

export function rule(name, condition, detail) {
  assert.ok(condition, `${name}${detail === undefined ? '' : ` (${typeof detail === 'string' ? detail : JSON.stringify(detail)})`}`);
}

export function ruleEqual(name, actual, expected) {
  assert.deepEqual(actual, expected, `${name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export const RULES = {
  discoveryRequired: 'SMART App Launch 2.0 §Conformance (smart-configuration): required fields issuer, jwks_uri, authorization_endpoint, token_endpoint, grant_types_supported, capabilities, code_challenge_methods_supported',
  pkceS256: 'SMART App Launch 2.0 §PKCE: servers must support S256 and must not support plain',
  scopeAdvertisedGranted: 'SMART App Launch 2.0 §Conformance: every scope in scopes_supported can be requested',
  scopeGrantedAdvertised: 'SMART App Launch 2.0 §Conformance: granted scopes are among scopes_supported',
  capabilityTrue: 'SMART App Launch 2.0 §Capabilities: a server advertises a capability only when it supports it',
  standalonePatient: 'SMART App Launch 2.0 §Launch context (launch/patient): the token response carries patient',
  ehrPatient: 'SMART App Launch 2.0 §EHR launch (launch): the token response carries the patient bound to the launch',
  ehrEncounter: 'SMART App Launch 2.0 §Launch context (encounter): the token response carries the encounter bound to the launch',
  fhirUser: 'SMART App Launch 2.0 §fhirUser: the id_token carries fhirUser',
  cors: 'SMART App Launch 2.0 §Browser apps: the FHIR server answers CORS for the registered app origin',
  idToken: 'OIDC Core 1.0 §3.1.3.7 ID Token validation',
  userinfo: 'OIDC Core 1.0 §5.3 UserInfo: sub equals the id_token sub',
  refresh: 'RFC 6749 §6 refreshing an access token',
  logout: 'OIDC RP-Initiated Logout 1.0 §2-3: the session ends and the user agent returns to post_logout_redirect_uri',
  utf8: 'RFC 7519 §7.2 / RFC 8259 §8.1: a JWT claims set is UTF-8 JSON',
  fhirRead: 'FHIR R4 http.html#read: 200 with the resource of the type and id asked for',
  fhirSearch: 'FHIR R4 http.html#search / search.html: 200 with a searchset Bundle',
  fhirCreate: 'FHIR R4 http.html#create: 201 Created with Location <base>/<type>/<id>/_history/<vid>',
  fhirOperation: 'FHIR R4 operations.html#response: a single resource output parameter "return" is the body itself',
  fhirRefusal: 'FHIR R4 http.html#Status-Codes / operationoutcome.html: a refusal is an OperationOutcome with its status',
  fhirCapabilities: 'FHIR R4 capabilitystatement.html: the server declares its resources, interactions and operations (with their OperationDefinition)',
  fhirCanonical: 'FHIR R4 references.html#canonical: a canonical URL of the project resolves to its definition at the bridge',
  selfService: 'issue 15 item 6: a citizen\'s own coverage, eligibility and history work in the sandbox stack',
  authorizePost: 'OIDC Core 1.0 §3.1.2.1 / SMART capability authorize-post: the authorization endpoint accepts POST',
};
