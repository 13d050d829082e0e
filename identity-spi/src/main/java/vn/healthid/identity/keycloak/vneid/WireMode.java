package vn.healthid.identity.keycloak.vneid;

/** Per identity provider: standard OpenID Connect, or VNeID's own wire format (docs/vneid.md). */
public enum WireMode {
    /** Keycloak's OIDC broker unchanged: id_token, nonce, JSON token response, plain userinfo. */
    STANDARD_OIDC,
    /** Encrypted code, form-encoded token request, {@code {data, key}} responses, no id_token, no nonce. */
    VNEID
}
