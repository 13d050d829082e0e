package vn.healthid.bridge.telehealth.fhir;

import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.telehealth.SessionQueries.Criteria;
import vn.healthid.bridge.telehealth.domain.SessionStatus;

/** Appointment search parameters to {@link Criteria}; what cannot be honoured is refused (400). */
final class SearchCriteria {

    Criteria of(ReferenceParam patient, ReferenceParam practitioner, DateRangeParam date, TokenOrListParam status) {
        return new Criteria(
                id(patient, "Patient"),
                id(practitioner, "Practitioner"),
                date == null ? null : instant(date.getLowerBoundAsInstant()),
                date == null ? null : instant(date.getUpperBoundAsInstant()),
                statuses(status));
    }

    private static String id(ReferenceParam reference, String type) {
        if (reference == null) {
            return null;
        }
        if (reference.getResourceType() != null && !type.equals(reference.getResourceType())
                || reference.getIdPart() == null
                || !reference.getIdPart().matches("[A-Za-z0-9\\-.]{1,64}")) {
            throw new BridgeFhirException(BridgeError.PARAMETER_INVALID, "expected a " + type + " id");
        }
        return reference.getIdPart();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Set<SessionStatus> statuses(TokenOrListParam status) {
        if (status == null) {
            return null;
        }
        Set<SessionStatus> statuses = EnumSet.noneOf(SessionStatus.class);
        for (TokenParam token : status.getValuesAsQueryTokens()) {
            statuses.add(SessionStatus.fromCode(token.getValue())
                    .orElseThrow(() -> new BridgeFhirException(BridgeError.PARAMETER_INVALID, "unknown status")));
        }
        return statuses;
    }
}
