package vn.healthid.bridge.coverage.access;

import java.time.LocalDate;
import vn.healthid.bridge.coverage.gateway.CardQuery;
import vn.healthid.bridge.coverage.gateway.StaffIdentity;
import vn.healthid.bridge.identity.NationalIds;

/**
 * One gateway lookup the caller may make: the patient id, the national id
 * and the verified name and birth date; and on whose behalf ({@code staff}, sent as hoTenCb / cccdCb).
 */
public record Lookup(
        String patientId,
        String nationalId,
        String fullName,
        LocalDate birthDate,
        StaffIdentity staff,
        String clientId) {

    public CardQuery query() {
        return new CardQuery(nationalId, fullName, birthDate);
    }

    @Override
    public String toString() {
        return "Lookup[" + patientId + ", " + NationalIds.mask(nationalId) + ", client=" + clientId + "]";
    }
}
