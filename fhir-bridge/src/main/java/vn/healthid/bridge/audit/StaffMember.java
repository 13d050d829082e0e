package vn.healthid.bridge.audit;

import java.util.Optional;
import java.util.regex.Pattern;
import vn.healthid.bridge.identity.PersonNames;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.security.StaffProof;

/**
 * The clinic staff member behind a request, as the audit trail names them: only from a staff token the bridge
 * verified ({@link StaffProof.State#VALID}) that the same clinic asked for as the one held accountable
 * ({@link Caller#accountableClient()}). Anything else (no token, a forged or expired one, another clinic's clerk,
 * a citizen's own token sent as a clerk's) names nobody: an entry never attributes a request to a person the
 * bridge could not verify.
 *
 * @param user the clerk's {@code fhirUser} when it is a {@code Practitioner/<id>} or {@code PractitionerRole/<id>}
 *     reference, else their {@code sub}; never their national id
 * @param name the clerk's full name (family name first), null when the token names none
 */
record StaffMember(String user, String name) {

    private static final int MAX = 128;
    /** A bare identity number used as an id ({@code Practitioner/079190000101}) is never copied. */
    private static final Pattern NUMBER_ID = Pattern.compile(".*/\\d{9,12}");

    static Optional<StaffMember> behind(Caller caller) {
        if (caller == null) {
            return Optional.empty();
        }
        StaffProof staff = caller.staff();
        if (staff.state() != StaffProof.State.VALID || !staff.clientId().equals(caller.accountableClient())) {
            return Optional.empty();
        }
        if (staff.fhirUser().filter(u -> u.startsWith("Patient/")).isPresent()) {
            return Optional.empty(); // a citizen's own token sent as a clerk's
        }
        return staff.fhirUser()
                .filter(AuditEventTranslator.STAFF_REFERENCE.asMatchPredicate())
                .filter(u -> !NUMBER_ID.matcher(u).matches())
                .or(() -> staff.subject().map(String::strip).filter(s -> !s.isEmpty() && s.length() <= MAX))
                .filter(u -> !containsNumber(u, staff))
                .map(u -> new StaffMember(u, name(staff)));
    }

    private static String name(StaffProof staff) {
        String name = PersonNames.fullName(staff.familyName(), staff.givenName(), staff.name());
        if (name == null || containsNumber(name, staff)) {
            return null;
        }
        return name.length() <= MAX ? name : name.substring(0, MAX);
    }

    private static boolean containsNumber(String value, StaffProof staff) {
        return staff.nationalId().filter(n -> !n.isBlank() && value.contains(n)).isPresent();
    }

    @Override
    public String toString() {
        return "StaffMember[" + user + "]";
    }
}
