package vn.healthid.identity.keycloak.challenge;

import java.time.Instant;

/** A nonce handed to a reader: base64url without padding, and when it stops being accepted. */
public record IssuedChallenge(String challenge, Instant expiresAt) {}
