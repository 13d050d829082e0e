package vn.healthid.bridge.audit;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;

/**
 * A FHIR interaction as audited: the restful-interaction code (AuditEvent.subtype) and the DICOM
 * action (read R, search and operations E, create C, update and patch U, delete D), as in IHE BALP.
 */
public record RestInteraction(String subtype, String action) {

    public static final String SYSTEM = "http://hl7.org/fhir/restful-interaction";

    public static RestInteraction of(RestOperationTypeEnum operation) {
        if (operation == null) {
            return new RestInteraction("operation", "E");
        }
        return switch (operation) {
            case READ -> new RestInteraction("read", "R");
            case VREAD -> new RestInteraction("vread", "R");
            case SEARCH_TYPE, GET_PAGE -> new RestInteraction("search-type", "E");
            case SEARCH_SYSTEM -> new RestInteraction("search-system", "E");
            case HISTORY_INSTANCE -> new RestInteraction("history-instance", "R");
            case HISTORY_TYPE -> new RestInteraction("history-type", "R");
            case HISTORY_SYSTEM -> new RestInteraction("history-system", "R");
            case CREATE -> new RestInteraction("create", "C");
            case UPDATE -> new RestInteraction("update", "U");
            case PATCH -> new RestInteraction("patch", "U");
            case DELETE -> new RestInteraction("delete", "D");
            case TRANSACTION -> new RestInteraction("transaction", "E");
            case BATCH -> new RestInteraction("batch", "E");
            case METADATA -> new RestInteraction("capabilities", "R");
            default -> new RestInteraction("operation", "E");
        };
    }

    /** Reads release data: these fail closed when the trail cannot take the entry. */
    public boolean releasesData() {
        return action.equals("R") || action.equals("E");
    }
}
