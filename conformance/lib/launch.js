// The clinic's system registers an EHR launch context (docs/smart.md, "EHR launch").
import { config } from './config.js';

/** The clinic system's own token (client credentials), with the scopes asked for when given. */
export async function clinicToken(scope) {
  const response = await fetch(`${config.realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: config.clinic.id, client_secret: config.clinic.secret, ...(scope ? { scope } : {}) }),
  });
  if (!response.ok) throw new Error(`client credentials refused: ${response.status}`);
  return (await response.json()).access_token;
}

export async function registerLaunch(body) {
  const response = await fetch(`${config.realm}/smart-launch`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await clinicToken()}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (response.status !== 201) throw new Error(`launch registration refused: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}
