package vn.healthid.bridge.fhir;

import java.util.Optional;

/** The realm's authorize and token endpoints for the CapabilityStatement (from the smart package). */
public interface OAuthUris {

    record Uris(String authorize, String token) {}

    /** Empty while the realm's discovery has never answered. */
    Optional<Uris> oauthUris();
}
