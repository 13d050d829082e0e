package vn.healthid.bridge.telehealth.persist;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Appointment;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.StoredDocument;
import vn.healthid.bridge.store.VersionConflictException;
import vn.healthid.bridge.telehealth.domain.TelehealthSession;

/**
 * Sessions as FHIR Appointment JSON in the {@link DocumentStore} (collection {@code Appointment}),
 * written with compare-and-set on their version. A session is kept until {@code retention} after
 * its end; later it reads as absent and is deleted on the way (the document store has no TTL).
 */
public final class SessionRepository {

    static final String COLLECTION = "Appointment";

    private final DocumentStore store;
    private final SessionIndex index;
    private final AppointmentMapper mapper;
    private final IParser parser;
    private final Clock clock;
    private final Duration retention;
    private final SecureRandom random;

    public SessionRepository(
            DocumentStore store, FhirContext fhir, AppointmentMapper mapper, Clock clock, Duration retention) {
        this.store = store;
        this.index = new SessionIndex(store);
        this.mapper = mapper;
        this.parser = fhir.newJsonParser();
        this.clock = clock;
        this.retention = retention;
        this.random = new SecureRandom();
    }

    public Optional<StoredSession> find(String id) {
        Optional<StoredDocument> document = store.get(COLLECTION, id);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        StoredSession stored = decode(document.get());
        if (expired(stored.session())) {
            try {
                store.delete(COLLECTION, id, stored.version());
            } catch (VersionConflictException e) {
                // someone else deleted or wrote it meanwhile; it reads as absent either way
            }
            return Optional.empty();
        }
        return Optional.of(stored);
    }

    /** Stores a new session under a fresh id; indexed first so that search never misses it. */
    public StoredSession create(TelehealthSession session) {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        TelehealthSession withId = session.withId(HexFormat.of().formatHex(bits));
        index.add(SessionIndex.patient(withId.patientId()), withId.id());
        if (withId.hasPractitioner()) {
            index.add(SessionIndex.practitioner(withId.practitionerId()), withId.id());
        }
        return write(withId, DocumentStore.MUST_NOT_EXIST);
    }

    /**
     * Writes the session if its stored version is still {@code expectedVersion}.
     *
     * @throws VersionConflictException when it changed since
     */
    public StoredSession update(TelehealthSession session, long expectedVersion) {
        if (session.hasPractitioner()) {
            index.add(SessionIndex.practitioner(session.practitionerId()), session.id());
        }
        return write(session, expectedVersion);
    }

    public List<StoredSession> byPatient(String patientId) {
        return load(SessionIndex.patient(patientId));
    }

    public List<StoredSession> byPractitioner(String practitionerId) {
        return load(SessionIndex.practitioner(practitionerId));
    }

    private List<StoredSession> load(String indexId) {
        List<StoredSession> found = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (String id : index.ids(indexId)) {
            find(id).ifPresentOrElse(found::add, () -> gone.add(id));
        }
        index.remove(indexId, gone);
        return found;
    }

    private StoredSession write(TelehealthSession session, long expectedVersion) {
        String body = parser.encodeResourceToString(mapper.toFhir(new StoredSession(session, 1, clock.instant())));
        StoredDocument written = store.put(COLLECTION, session.id(), body, expectedVersion);
        return new StoredSession(session, written.version(), written.lastUpdated());
    }

    private StoredSession decode(StoredDocument document) {
        Appointment appointment = parser.parseResource(Appointment.class, document.body());
        appointment.setId(document.id());
        return new StoredSession(mapper.toSession(appointment), document.version(), document.lastUpdated());
    }

    private boolean expired(TelehealthSession session) {
        return !clock.instant().isBefore(session.end().plus(retention));
    }
}
