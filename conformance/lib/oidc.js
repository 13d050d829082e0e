// openid-client 6 against the realm: discovery, authorization code + PKCE in the browser, code exchange in Node.
import * as client from 'openid-client';
import { config } from './config.js';
import { signIn } from './browser.js';

export async function discover(clientId, secret) {
  const auth = secret ? client.ClientSecretPost(secret) : client.None();
  return client.discovery(new URL(config.realm), clientId, secret ? { client_secret: secret } : undefined, auth, {
    execute: [client.allowInsecureRequests], // the sandbox stack is plain HTTP on localhost
  });
}

/**
 * One authorization: the browser opens the authorization URL and signs in (chip card or staff password), Keycloak
 * redirects to the app's /callback, openid-client exchanges the code with the PKCE verifier and checks state, nonce
 * and the id_token. Returns { tokens } or { error } (the authorization or token error).
 */
export async function codeFlow(page, app, { oidcConfig, scope, card, staff, noCardAgain, extra = {} }) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const redirectUri = `${config.appOrigin}/callback`;
  const url = client.buildAuthorizationUrl(oidcConfig, {
    redirect_uri: redirectUri,
    scope,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...extra,
  });
  const before = app.received.length;
  await page.goto(url.href);
  const landed = () => app.received.slice(before).find((href) => href.startsWith(redirectUri));
  await signIn(page, async () => landed() !== undefined, { card, staff, noCardAgain });
  try {
    const tokens = await client.authorizationCodeGrant(oidcConfig, new URL(landed()), {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: scope.split(' ').includes('openid'),
    });
    return { tokens, callback: landed() };
  } catch (error) {
    return { error, callback: landed() };
  }
}

export { client };
