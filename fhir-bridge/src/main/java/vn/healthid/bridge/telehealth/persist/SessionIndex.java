package vn.healthid.bridge.telehealth.persist;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.StoredDocument;
import vn.healthid.bridge.store.VersionConflictException;

/**
 * Session ids per patient and per practitioner, for search (the document store cannot query): one
 * document per participant, a newline-separated id list, updated with compare-and-set and retried.
 */
final class SessionIndex {

    private static final String COLLECTION = "TelehealthIndex";
    private static final int ATTEMPTS = 16;

    private final DocumentStore store;

    SessionIndex(DocumentStore store) {
        this.store = store;
    }

    static String patient(String patientId) {
        return "patient-" + patientId;
    }

    static String practitioner(String practitionerId) {
        return "practitioner-" + practitionerId;
    }

    List<String> ids(String indexId) {
        return List.copyOf(parse(store.get(COLLECTION, indexId)));
    }

    void add(String indexId, String sessionId) {
        change(indexId, ids -> ids.add(sessionId));
    }

    void remove(String indexId, Collection<String> sessionIds) {
        if (!sessionIds.isEmpty()) {
            change(indexId, ids -> ids.removeAll(sessionIds));
        }
    }

    /** Applies {@code edit}; returns without writing when it changed nothing. */
    private void change(String indexId, Predicate<Set<String>> edit) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<StoredDocument> current = store.get(COLLECTION, indexId);
            Set<String> ids = parse(current);
            if (!edit.test(ids)) {
                return;
            }
            long expected = current.map(StoredDocument::version).orElse(DocumentStore.MUST_NOT_EXIST);
            try {
                store.put(COLLECTION, indexId, String.join("\n", ids), expected);
                return;
            } catch (VersionConflictException e) {
                // another writer got there first: read again and re-apply
            }
        }
        throw new VersionConflictException(-1, -1);
    }

    private static Set<String> parse(Optional<StoredDocument> document) {
        Set<String> ids = new LinkedHashSet<>();
        document.map(StoredDocument::body)
                .filter(body -> !body.isEmpty())
                .ifPresent(body -> ids.addAll(Arrays.asList(body.split("\n"))));
        return ids;
    }
}
