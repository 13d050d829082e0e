package vn.healthid.sandbox.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The Appointment a citizen proposes for a teleconsultation (docs/telehealth.md), as the demo and the cluster send it. */
public final class Teleconsultation {

    static final String SERVICE_TYPE = "https://healthid.vn/fhir/CodeSystem/service-type";

    private Teleconsultation() {}

    /** Proposed by {@code patient} ({@code Patient/<id>}), 30 minutes from two minutes from now. */
    public static ObjectNode proposal(String patient) {
        Instant start = Instant.now().plus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode appointment = Http.JSON.createObjectNode();
        appointment.put("resourceType", "Appointment");
        appointment.put("status", "proposed");
        appointment
                .putArray("serviceType")
                .addObject()
                .putArray("coding")
                .addObject()
                .put("system", SERVICE_TYPE)
                .put("code", "teleconsultation");
        appointment.put("start", start.toString());
        appointment.put("end", start.plus(30, ChronoUnit.MINUTES).toString());
        appointment
                .putArray("participant")
                .addObject()
                .put("status", "accepted")
                .putObject("actor")
                .put("reference", patient);
        return appointment;
    }
}
