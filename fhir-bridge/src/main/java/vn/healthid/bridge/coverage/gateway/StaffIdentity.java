package vn.healthid.bridge.coverage.gateway;

import java.util.regex.Pattern;
import vn.healthid.bridge.identity.NationalIds;

/** The clinic staff member on whose behalf a lookup is made (gateway fields hoTenCb / cccdCb). */
public record StaffIdentity(String name, String nationalId) {

    private static final Pattern CCCD = Pattern.compile("^[0-9]{12}$");

    public StaffIdentity {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("staff name required");
        }
        if (nationalId == null || !CCCD.matcher(nationalId).matches()) {
            throw new IllegalArgumentException("staff national id must be 12 digits");
        }
    }

    @Override
    public String toString() {
        return "StaffIdentity[" + NationalIds.mask(nationalId) + "]";
    }
}
