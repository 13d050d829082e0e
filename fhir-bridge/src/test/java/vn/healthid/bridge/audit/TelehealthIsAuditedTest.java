package vn.healthid.bridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.healthid.bridge.store.EventStream;
import vn.healthid.bridge.store.StreamEntry;
import vn.healthid.bridge.telehealth.persist.TelehealthCodes;
import vn.healthid.bridge.testsupport.BridgeIntegrationTest;
import vn.healthid.bridge.testsupport.TokenBuilder;

/**
 * Every telehealth endpoint leaves exactly one entry, of the right interaction, on the trail of the person whose
 * session it is: the whole bridge, real signed tokens.
 */
class TelehealthIsAuditedTest extends BridgeIntegrationTest {

    private static final String CITIZEN = "079093004321";
    private static final String PATIENT = TokenBuilder.patientIdOf(CITIZEN);

    @Autowired
    private EventStream streams;

    @Autowired
    private AuditProperties properties;

    @Test
    void eachTelehealthInteractionIsOneEntryOnThePatientsTrail() {
        String citizen = ISSUER.token()
                .citizen(CITIZEN)
                .scope("openid patient/Appointment.cruds patient/Encounter.rs")
                .sign();
        String doctor = ISSUER.token()
                .claim("fhirUser", "Practitioner/d7")
                .claim("acr", "urn:vn:healthid:acr:vneid-2")
                .claim("azp", "clinic-portal")
                .scope("openid user/Appointment.cruds user/Encounter.rs")
                .sign();

        Appointment[] holder = new Appointment[1];
        assertThat(onlyNewEntry(
                        "Appointment",
                        () -> holder[0] = (Appointment) client(citizen)
                                .create()
                                .resource(proposal())
                                .execute()
                                .getResource()))
                .containsEntry("subtype", "create")
                .containsEntry("action", "C");
        Appointment created = holder[0];
        String id = created.getIdPart();
        assertThat(onlyNewEntry(
                        "Appointment",
                        () -> client(citizen)
                                .read()
                                .resource(Appointment.class)
                                .withId(id)
                                .execute()))
                .containsEntry("subtype", "read")
                .containsEntry("action", "R")
                .containsEntry("client", "telehealth-app")
                .containsEntry("outcome", "0");
        assertThat(onlyNewEntry("Appointment", () -> get("/fhir/Appointment?patient=" + PATIENT, citizen)))
                .containsEntry("subtype", "search-type")
                .containsEntry("action", "E");
        created.setStatus(AppointmentStatus.BOOKED);
        created.addParticipant().setActor(new Reference("Practitioner/d7")).setStatus(ParticipationStatus.ACCEPTED);
        assertThat(onlyNewEntry(
                        "Appointment",
                        () -> client(doctor).update().resource(created).execute()))
                .containsEntry("subtype", "update")
                .containsEntry("action", "U")
                .containsEntry("client", "clinic-portal");
        Map<String, String> join = onlyNewEntry(
                "Appointment",
                () -> send(request("/fhir/Appointment/" + id + "/$join", citizen)
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}"))));
        assertThat(join).containsEntry("subtype", "operation").containsEntry("outcome", "0");
        assertThat(onlyNewEntry("Encounter", () -> get("/fhir/Encounter/" + id, citizen)))
                .containsEntry("subtype", "read")
                .containsEntry("action", "R");
        HttpResponse<String> other = get(
                "/fhir/Appointment/" + id,
                ISSUER.token()
                        .citizen("001185009999")
                        .scope("openid patient/Appointment.cruds")
                        .sign());
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(streams.read(properties.patientStream(PATIENT), null, 1000).toString())
                .doesNotContain(CITIZEN);
    }

    private Map<String, String> onlyNewEntry(String entityType, Runnable interaction) {
        int before = trail().size();
        interaction.run();
        List<StreamEntry> after = trail();
        assertThat(after).hasSize(before + 1);
        Map<String, String> entry = after.getLast().fields();
        assertThat(entry.get("entity")).startsWith(entityType);
        assertThat(entry).containsEntry("patient", PATIENT);
        return entry;
    }

    private List<StreamEntry> trail() {
        return streams.read(properties.patientStream(PATIENT), null, 10_000);
    }

    private static Appointment proposal() {
        Instant start = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Appointment a = new Appointment();
        a.setStatus(AppointmentStatus.PROPOSED);
        a.addServiceType()
                .addCoding()
                .setSystem(TelehealthCodes.SERVICE_TYPE_SYSTEM)
                .setCode(TelehealthCodes.TELECONSULTATION);
        a.setStart(Date.from(start));
        a.setEnd(Date.from(start.plus(Duration.ofMinutes(30))));
        a.addParticipant().setActor(new Reference("Patient/" + PATIENT)).setStatus(ParticipationStatus.ACCEPTED);
        return a;
    }
}
