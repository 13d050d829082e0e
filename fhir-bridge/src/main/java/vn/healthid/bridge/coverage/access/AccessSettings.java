package vn.healthid.bridge.coverage.access;

import java.util.List;
import java.util.Set;
import vn.healthid.bridge.coverage.gateway.StaffIdentity;

/**
 * Who may ask. {@code chipAcrs}: the acr values that prove the citizen's card was present at the
 * clinic; {@code staffTokenHeader}: where the clinic sends its clerk's own token; {@code selfServiceStaff}:
 * the officer named on lookups citizens make for themselves (null disables self-service).
 */
public record AccessSettings(Set<String> chipAcrs, String staffTokenHeader, StaffIdentity selfServiceStaff) {

    public static final List<String> DEFAULT_CHIP_ACRS = List.of("urn:vn:healthid:acr:chip-aa");
}
