package vn.healthid.bridge.telehealth;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Encounter;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.telehealth.access.AccessPolicy;
import vn.healthid.bridge.telehealth.access.Operation;
import vn.healthid.bridge.telehealth.access.SessionAccess;
import vn.healthid.bridge.telehealth.domain.SessionStatus;
import vn.healthid.bridge.telehealth.domain.TelehealthError;
import vn.healthid.bridge.telehealth.persist.EncounterRecords;
import vn.healthid.bridge.telehealth.persist.SessionRepository;
import vn.healthid.bridge.telehealth.persist.StoredSession;

/** Read and search, confined to what {@link SessionAccess} lets the caller see. */
public final class SessionQueries {

    /** Search criteria; null means "any". {@code from}/{@code to} bound the start, inclusive. */
    public record Criteria(
            String patientId, String practitionerId, Instant from, Instant to, Set<SessionStatus> statuses) {}

    private final SessionRepository sessions;
    private final EncounterRecords encounters;
    private final AccessPolicy policy;
    private final SessionAccess access;

    public SessionQueries(
            SessionRepository sessions, EncounterRecords encounters, AccessPolicy policy, SessionAccess access) {
        this.sessions = sessions;
        this.encounters = encounters;
        this.policy = policy;
        this.access = access;
    }

    public StoredSession read(Caller caller, String id) {
        policy.require(caller, Operation.READ);
        StoredSession stored = sessions.find(id).orElseThrow(() -> new BridgeFhirException(BridgeError.NOT_FOUND));
        access.requireVisible(caller, stored.session());
        return stored;
    }

    public Encounter encounter(Caller caller, String id) {
        read(caller, id);
        return encounters.find(id).orElseThrow(() -> new BridgeFhirException(BridgeError.NOT_FOUND));
    }

    public List<StoredSession> search(Caller caller, Criteria criteria) {
        policy.require(caller, Operation.SEARCH);
        Stream<StoredSession> found = source(caller, criteria).stream();
        if (criteria.practitionerId() != null) {
            found = found.filter(
                    s -> criteria.practitionerId().equals(s.session().practitionerId()));
        }
        if (criteria.from() != null) {
            found = found.filter(s -> !s.session().start().isBefore(criteria.from()));
        }
        if (criteria.to() != null) {
            found = found.filter(s -> !s.session().start().isAfter(criteria.to()));
        }
        if (criteria.statuses() != null && !criteria.statuses().isEmpty()) {
            found = found.filter(s -> criteria.statuses().contains(s.session().status()));
        }
        return found.filter(s -> access.visible(caller, s.session()))
                .sorted(Comparator.comparing((StoredSession s) -> s.session().start()))
                .toList();
    }

    private List<StoredSession> source(Caller caller, Criteria criteria) {
        if (caller.kind() == Caller.Kind.CITIZEN) {
            if (criteria.patientId() != null && !caller.isPatient(criteria.patientId())) {
                throw new BridgeFhirException(BridgeError.PATIENT_COMPARTMENT);
            }
            return sessions.byPatient(caller.patientId().orElseThrow());
        }
        if (criteria.patientId() != null) {
            return sessions.byPatient(criteria.patientId());
        }
        if (criteria.practitionerId() != null && !caller.isPractitioner(criteria.practitionerId())) {
            throw new BridgeFhirException(TelehealthError.NOT_A_PARTICIPANT, "practitioners search their own sessions");
        }
        return sessions.byPractitioner(caller.practitionerId().orElseThrow());
    }
}
