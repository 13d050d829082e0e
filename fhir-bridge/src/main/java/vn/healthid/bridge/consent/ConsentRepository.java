package vn.healthid.bridge.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.InstantType;
import org.springframework.stereotype.Component;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.StoredDocument;
import vn.healthid.bridge.store.VersionConflictException;

/**
 * Consents as FHIR JSON documents, plus one index document per patient listing their consent ids
 * (the store has no queries). The index is updated with compare-and-set and retried on conflict.
 */
@Component
public final class ConsentRepository {

    static final String COLLECTION = "Consent";
    static final String INDEX = "ConsentByPatient";
    private static final int ATTEMPTS = 8;

    private final DocumentStore store;
    private final IParser parser;
    private final SecureRandom random = new SecureRandom();

    public ConsentRepository(DocumentStore store, FhirContext fhirContext) {
        this.store = store;
        this.parser = fhirContext.newJsonParser();
    }

    public Consent create(String patientId, Consent consent) {
        String id = newId();
        consent.setId(id);
        StoredDocument stored = store.put(COLLECTION, id, encode(consent), DocumentStore.MUST_NOT_EXIST);
        changeIndex(patientId, ids -> ids.add(id));
        return decode(stored);
    }

    public Consent update(Consent consent, long expectedVersion) {
        String id = consent.getIdElement().getIdPart();
        return decode(store.put(COLLECTION, id, encode(consent), expectedVersion));
    }

    public Optional<Consent> find(String id) {
        return store.get(COLLECTION, id).map(this::decode);
    }

    public boolean delete(String patientId, String id) {
        boolean deleted = store.delete(COLLECTION, id, DocumentStore.ANY_VERSION);
        changeIndex(patientId, ids -> ids.remove(id));
        return deleted;
    }

    /** The patient's consents, oldest first; index entries whose document is gone are skipped. */
    public List<Consent> ofPatient(String patientId) {
        List<Consent> consents = new ArrayList<>();
        for (String id : index(patientId)) {
            find(id).ifPresent(consents::add);
        }
        return consents;
    }

    private Set<String> index(String patientId) {
        return store.get(INDEX, patientId).map(ConsentRepository::ids).orElseGet(LinkedHashSet::new);
    }

    private void changeIndex(String patientId, java.util.function.Consumer<Set<String>> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<StoredDocument> current = store.get(INDEX, patientId);
            Set<String> ids = current.map(ConsentRepository::ids).orElseGet(LinkedHashSet::new);
            change.accept(ids);
            long expected = current.map(StoredDocument::version).orElse(DocumentStore.MUST_NOT_EXIST);
            try {
                store.put(INDEX, patientId, String.join("\n", ids), expected);
                return;
            } catch (VersionConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static Set<String> ids(StoredDocument document) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : document.body().split("\n")) {
            if (!id.isBlank()) {
                ids.add(id);
            }
        }
        return ids;
    }

    private String encode(Consent consent) {
        consent.setMeta(null);
        return parser.encodeResourceToString(consent);
    }

    private Consent decode(StoredDocument document) {
        Consent consent = parser.parseResource(Consent.class, document.body());
        consent.setId(document.id());
        consent.getMeta().setVersionId(Long.toString(document.version()));
        consent.getMeta().setLastUpdatedElement(new InstantType(java.util.Date.from(document.lastUpdated())));
        consent.setIdElement(
                consent.getIdElement().withResourceType("Consent").withVersion(Long.toString(document.version())));
        return consent;
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
