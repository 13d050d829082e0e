package vn.healthid.identity.keycloak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

class AuditEntryMapperTest {

    private static final String PATIENT = "p" + "q".repeat(32);
    private static final String NATIONAL_ID = "079085001234";

    @Test
    void chipLoginOfACitizenNamesTheClientAndThePatientOnly() {
        Event event = event(EventType.LOGIN, null);
        event.setDetails(Map.of(
                "grant_type", "urn:vn:healthid:params:oauth:grant-type:cccd-chip",
                "username", NATIONAL_ID,
                "national_id", NATIONAL_ID));

        Map<String, String> entry = AuditEntryMapper.toEntry(event, PATIENT);

        assertThat(entry)
                .containsEntry("v", "1")
                .containsEntry("recorded", "2026-11-23T10:00:00Z")
                .containsEntry("source", "keycloak")
                .containsEntry("type", "login")
                .containsEntry("subtype", "LOGIN")
                .containsEntry("action", "E")
                .containsEntry("outcome", "0")
                .containsEntry("client", "clinic-reception")
                .containsEntry("user", "Patient/" + PATIENT)
                .containsEntry("patient", PATIENT)
                .containsEntry("grant_type", "urn:vn:healthid:params:oauth:grant-type:cccd-chip")
                .doesNotContainKeys("username", "national_id", "ip", "code");
        assertThat(entry.toString()).doesNotContain(NATIONAL_ID).doesNotContain("203.0.113.7");
    }

    @Test
    void rejectedChipKeepsReasonCodeButNeverTheMaskedCardOrChipData() {
        Event event = event(EventType.LOGIN_ERROR, "invalid_chip");
        event.setDetails(Map.of(
                "reason", "SOD_SIGNATURE_INVALID",
                "chip_check", "SOD_SIGNATURE",
                "card", "0790******34",
                "dg1", "I<VNM0790850012344<<<<"));

        Map<String, String> entry = AuditEntryMapper.toEntry(event, null);

        assertThat(entry)
                .containsEntry("outcome", "4")
                .containsEntry("code", "invalid_chip")
                .containsEntry("reason", "SOD_SIGNATURE_INVALID")
                .doesNotContainKeys("patient", "card", "dg1", "chip_check");
        assertThat(entry).containsEntry("user", "user-uuid");
        assertThat(entry.toString()).doesNotContain("0790").doesNotContain("VNM");
    }

    @Test
    void reasonThatIsNotACodeIsDropped() {
        Event event = event(EventType.LOGIN_ERROR, "user_not_found");
        event.setDetails(Map.of("reason", "no user with number 079085001234"));

        assertThat(AuditEntryMapper.toEntry(event, null)).doesNotContainKey("reason");
    }

    @Test
    void codeToTokenIsAnExecuteWithSuccessOutcome() {
        Map<String, String> entry = AuditEntryMapper.toEntry(event(EventType.CODE_TO_TOKEN, null), PATIENT);

        assertThat(entry)
                .containsEntry("subtype", "CODE_TO_TOKEN")
                .containsEntry("action", "E")
                .containsEntry("outcome", "0");
    }

    private static Event event(EventType type, String error) {
        Event event = new Event();
        event.setType(type);
        event.setTime(java.time.Instant.parse("2026-11-23T10:00:00Z").toEpochMilli());
        event.setRealmId("realm-uuid");
        event.setRealmName("health");
        event.setClientId("clinic-reception");
        event.setUserId("user-uuid");
        event.setIpAddress("203.0.113.7");
        event.setError(error);
        return event;
    }
}
