package vn.healthid.bridge.telehealth.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UrlType;
import vn.healthid.bridge.telehealth.JoinResult;
import vn.healthid.bridge.telehealth.ticket.TicketGrant;

/** The Parameters that {@code $join} and {@code $redeem-ticket} answer with (docs/telehealth.md). */
final class JoinParameters {

    Parameters joined(JoinResult result) {
        String id = result.session().session().id();
        Parameters parameters = new Parameters();
        parameters
                .addParameter()
                .setName("ticket")
                .setValue(new StringType(result.ticket().ticket()));
        parameters
                .addParameter()
                .setName("expires")
                .setValue(new InstantType(Date.from(result.ticket().expiresAt())));
        parameters.addParameter().setName("sessionUrl").setValue(new UrlType(result.sessionUrl()));
        parameters.addParameter().setName("appointment").setValue(new Reference("Appointment/" + id));
        parameters.addParameter().setName("encounter").setValue(new Reference("Encounter/" + id));
        return parameters;
    }

    Parameters redeemed(TicketGrant grant) {
        Parameters parameters = new Parameters();
        parameters
                .addParameter()
                .setName("appointment")
                .setValue(new Reference("Appointment/" + grant.appointmentId()));
        parameters.addParameter().setName("participant").setValue(new Reference(grant.participant()));
        parameters.addParameter().setName("expires").setValue(new InstantType(Date.from(grant.expiresAt())));
        return parameters;
    }
}
