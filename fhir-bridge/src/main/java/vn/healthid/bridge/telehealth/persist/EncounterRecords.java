package vn.healthid.bridge.telehealth.persist;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Encounter;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.StoredDocument;
import vn.healthid.bridge.store.VersionConflictException;
import vn.healthid.bridge.telehealth.domain.TelehealthSession;

/**
 * The VR Encounter of each session, stored under the session's id (collection {@code Encounter}).
 * Opening is a create-if-absent, so a retried or concurrent first join opens it once.
 */
public final class EncounterRecords {

    static final String COLLECTION = "Encounter";

    private final DocumentStore store;
    private final EncounterMapper mapper;
    private final IParser parser;
    private final Clock clock;

    public EncounterRecords(DocumentStore store, FhirContext fhir, EncounterMapper mapper, Clock clock) {
        this.store = store;
        this.mapper = mapper;
        this.parser = fhir.newJsonParser();
        this.clock = clock;
    }

    public Optional<Encounter> find(String sessionId) {
        return store.get(COLLECTION, sessionId).map(this::decode);
    }

    public void open(TelehealthSession session) {
        String body = parser.encodeResourceToString(mapper.opened(session, clock.instant()));
        try {
            store.put(COLLECTION, session.id(), body, DocumentStore.MUST_NOT_EXIST);
        } catch (VersionConflictException e) {
            // already opened by an earlier join
        }
    }

    public void finish(TelehealthSession session) {
        for (int attempt = 0; attempt < 8; attempt++) {
            Optional<StoredDocument> current = store.get(COLLECTION, session.id());
            Encounter open = current.map(this::decode).orElseGet(() -> mapper.opened(session, clock.instant()));
            if (open.getStatus() == Encounter.EncounterStatus.FINISHED) {
                return;
            }
            String body = parser.encodeResourceToString(mapper.finished(open, clock.instant()));
            try {
                store.put(
                        COLLECTION,
                        session.id(),
                        body,
                        current.map(StoredDocument::version).orElse(0L));
                return;
            } catch (VersionConflictException e) {
                // re-read and finish again
            }
        }
        throw new VersionConflictException(-1, -1);
    }

    private Encounter decode(StoredDocument document) {
        Encounter encounter = parser.parseResource(Encounter.class, document.body());
        encounter.setId(document.id());
        encounter
                .getMeta()
                .setVersionId(Long.toString(document.version()))
                .setLastUpdated(Date.from(document.lastUpdated()));
        return encounter;
    }
}
