package vn.healthid.identity.keycloak.abuse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Refused chip proofs, counted per browser session, per source address and per confidential client, never per card
 * number: the number in DG1 is unverified, so a lock on it would let anyone lock a genuine card out of every flow
 * (docs/security.md). The threshold-th failure of a subject locks that subject for the lockout time; the count is a
 * {@link SlotCounter}, exact under parallel requests and across nodes.
 */
public final class FailureThrottle {

    private static final String COUNT = "healthid.chip.failures.";
    private static final String LOCK = "healthid.chip.locked.";

    private final SingleUseObjectProvider store;
    private final SlotCounter counter;
    private final AbuseLimits limits;

    public FailureThrottle(SingleUseObjectProvider store, AbuseLimits limits, Clock clock) {
        this.store = store;
        this.counter = new SlotCounter(store, COUNT, clock);
        this.limits = limits;
    }

    public boolean isLocked(Requester requester) {
        return subjects(requester).stream().anyMatch(s -> store.contains(LOCK + SlotCounter.hash(s.name())));
    }

    public void recordFailure(Requester requester) {
        for (Subject subject : subjects(requester)) {
            SlotCounter.Admission admission = counter.take(subject.name(), subject.threshold(), limits.lockout());
            if (!admission.admitted() || admission.slot() >= subject.threshold()) {
                store.put(
                        LOCK + SlotCounter.hash(subject.name()),
                        limits.lockout().toSeconds(),
                        Map.of("kind", subject.kind()));
            }
        }
    }

    private List<Subject> subjects(Requester requester) {
        List<Subject> subjects = new ArrayList<>(3);
        if (requester.session() != null) {
            subjects.add(new Subject("session", requester.session(), limits.failuresPerSession()));
        }
        if (requester.address() != null) {
            subjects.add(new Subject("address", requester.address(), limits.failuresPerAddress()));
        }
        if (requester.clientAuthenticated()) {
            subjects.add(new Subject("client", requester.clientId(), limits.failuresPerClient()));
        }
        return subjects;
    }

    private record Subject(String kind, String value, int threshold) {
        String name() {
            return kind + ":" + value;
        }
    }
}
