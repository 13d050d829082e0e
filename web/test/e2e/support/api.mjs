// What other people do meanwhile, through the same public endpoints: the clinic's software checks a card at
// reception (chip grant + the clerk's own token, as bin/healthid demo does), a doctor accepts an appointment.
import { bundle, card } from "./cards.mjs";
import { clinic, fhirUrl, realmUrl } from "./env.mjs";

async function form(url, fields) {
  const r = await fetch(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) });
  const body = await r.json();
  if (!r.ok) throw new Error(`${url}: ${r.status} ${JSON.stringify(body)}`);
  return body;
}

async function staffToken(username, password, scope) {
  return (await form(`${realmUrl}/protocol/openid-connect/token`, {
    grant_type: "password", client_id: clinic.id, client_secret: clinic.secret, username, password, scope,
  })).access_token;
}

/**
 * The reception clerk of the sandbox realm (sandbox/realms/health-realm.json: lastName "Nguyễn Thị", firstName "Lan",
 * practitioner_id clerk01): the bridge names them in the citizen's audit trail, family name first.
 */
export const clerk01 = { username: "clerk01", password: "sandbox-clerk01", fullName: "Nguyễn Thị Lan", practitioner: "Practitioner/clerk01" };

/** The clinic checks the card's insurance at its reception (clerk01 at the clinic's own software). */
export async function receptionCheck(name, facility = "79071") {
  const c = card(name);
  const { challenge } = await form(`${realmUrl}/cccd/challenge`, { client_id: clinic.id, client_secret: clinic.secret });
  const tokens = await form(`${realmUrl}/protocol/openid-connect/token`, {
    grant_type: "urn:vn:healthid:params:oauth:grant-type:cccd-chip",
    client_id: clinic.id,
    client_secret: clinic.secret,
    chip_bundle: await bundle(c.file, challenge),
    scope: "openid profile patient/Patient.rs patient/Coverage.rs patient/CoverageEligibilityRequest.c",
  });
  const patient = JSON.parse(Buffer.from(tokens.access_token.split(".")[1], "base64url").toString("utf8")).fhirUser;
  // The clinic reads the Patient first (its software shows the name): that also registers the citizen at the
  // bridge, whose self-service lookups then know the identity to ask the gateway with (public clients' tokens
  // carry no national id).
  const read = await fetch(`${fhirUrl}/${patient}`, { headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: "application/fhir+json" } });
  if (!read.ok) throw new Error(`patient read: ${read.status} ${await read.text()}`);
  const clerk = await staffToken(clerk01.username, clerk01.password, "openid profile");
  const request = {
    resourceType: "CoverageEligibilityRequest", status: "active", purpose: ["validation"], patient: { reference: patient },
    created: new Date().toISOString().substring(0, 10), insurer: { display: "BHXH" },
    facility: { identifier: { system: "urn:vn:bhyt-facility", value: facility } },
  };
  // the reception check is the operation $submit (docs/fhir-api.md): the answer is the CoverageEligibilityResponse
  const r = await fetch(`${fhirUrl}/CoverageEligibilityRequest/$submit`, {
    method: "POST",
    headers: { Authorization: `Bearer ${tokens.access_token}`, "X-Staff-Token": clerk, "Content-Type": "application/fhir+json", Accept: "application/fhir+json" },
    body: JSON.stringify({ resourceType: "Parameters", parameter: [{ name: "resource", resource: request }] }),
  });
  if (!r.ok) throw new Error(`reception check: ${r.status} ${await r.text()}`);
  return patient;
}

/** doctor01 accepts the citizen's proposed appointment (PUT with status booked and their Practitioner). */
export async function doctorAccepts(appointmentId) {
  const token = await staffToken("doctor01", "sandbox-doctor01", "openid user/Appointment.cruds");
  const headers = { Authorization: `Bearer ${token}`, Accept: "application/fhir+json", "Content-Type": "application/fhir+json" };
  const appointment = await (await fetch(`${fhirUrl}/Appointment/${appointmentId}`, { headers })).json();
  appointment.status = "booked";
  appointment.participant.push({ actor: { reference: "Practitioner/doctor01" }, status: "accepted" });
  const r = await fetch(`${fhirUrl}/Appointment/${appointmentId}`, { method: "PUT", headers, body: JSON.stringify(appointment) });
  if (!r.ok) throw new Error(`accept: ${r.status} ${await r.text()}`);
}
