package vn.healthid.bridge.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.memory.MemoryDocumentStore;

class VersionPreconditionsTest {

    private final DocumentStore store = new MemoryDocumentStore(Clock.systemUTC());

    private static ServletRequestDetails withIfMatch(String value) {
        MockHttpServletRequest servlet = new MockHttpServletRequest();
        if (value != null) {
            servlet.addHeader("If-Match", value);
        }
        ServletRequestDetails details = new ServletRequestDetails();
        details.setServletRequest(servlet);
        return details;
    }

    @Test
    void readsWeakAndStrongVersionEtags() {
        assertThat(VersionPreconditions.expectedVersion(withIfMatch("W/\"3\""))).isEqualTo(3);
        assertThat(VersionPreconditions.expectedVersion(withIfMatch("\"12\""))).isEqualTo(12);
        assertThat(VersionPreconditions.expectedVersion(withIfMatch(null))).isEqualTo(DocumentStore.ANY_VERSION);
    }

    @Test
    void refusesEtagsThatAreNotVersions() {
        assertThatThrownBy(() -> VersionPreconditions.expectedVersion(withIfMatch("*")))
                .isInstanceOfSatisfying(
                        BridgeFhirException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(412));
    }

    @Test
    void staleIfMatchIsPreconditionFailed() {
        store.put("Appointment", "a1", "{}", DocumentStore.MUST_NOT_EXIST);
        store.put("Appointment", "a1", "{}", 1);

        assertThatThrownBy(() -> VersionPreconditions.write(1, true, v -> store.put("Appointment", "a1", "{}", v)))
                .isInstanceOfSatisfying(
                        BridgeFhirException.class,
                        e -> assertThat(e.code()).isEqualTo(BridgeError.PRECONDITION_FAILED));
    }

    @Test
    void lostCreateRaceIsConflict() {
        store.put("Appointment", "a2", "{}", DocumentStore.MUST_NOT_EXIST);

        assertThatThrownBy(() -> VersionPreconditions.write(
                        DocumentStore.MUST_NOT_EXIST, false, v -> store.put("Appointment", "a2", "{}", v)))
                .isInstanceOfSatisfying(
                        BridgeFhirException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(409));
    }
}
