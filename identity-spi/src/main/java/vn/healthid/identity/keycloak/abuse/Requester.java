package vn.healthid.identity.keycloak.abuse;

/**
 * Who a chip attempt came from, as far as the server can tell without trusting the bundle.
 *
 * @param clientId the OAuth client of the flow
 * @param clientAuthenticated true when the client proved itself (a confidential client's secret or key); a public
 *     client's id is no credential, so failures are never counted against it: anyone could lock every user of that
 *     app out
 * @param address the source address (Keycloak's view: behind a proxy, the forwarded address; docs/chip-login.md)
 * @param session the browser's root authentication session, or null on the back channel
 */
public record Requester(String clientId, boolean clientAuthenticated, String address, String session) {}
