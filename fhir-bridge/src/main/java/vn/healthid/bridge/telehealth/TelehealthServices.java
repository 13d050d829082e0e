package vn.healthid.bridge.telehealth;

import ca.uhn.fhir.context.FhirContext;
import java.security.SecureRandom;
import java.time.Clock;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.SingleUseStore;
import vn.healthid.bridge.telehealth.access.AccessPolicy;
import vn.healthid.bridge.telehealth.access.SessionAccess;
import vn.healthid.bridge.telehealth.persist.AppointmentMapper;
import vn.healthid.bridge.telehealth.persist.EncounterMapper;
import vn.healthid.bridge.telehealth.persist.EncounterRecords;
import vn.healthid.bridge.telehealth.persist.SessionRepository;
import vn.healthid.bridge.telehealth.ticket.JoinTickets;

/**
 * The telehealth services wired over a store, without Spring: the Spring configuration and the
 * tests build them the same way. All state is in the store, so two instances over the same Redis
 * behave as one (a restart loses nothing).
 */
public record TelehealthServices(
        SessionBooking booking, SessionJoin join, SessionQueries queries, AppointmentMapper mapper) {

    public static TelehealthServices create(
            DocumentStore documents,
            SingleUseStore singleUse,
            Clock clock,
            TelehealthProperties properties,
            FhirContext fhir) {
        AppointmentMapper mapper = new AppointmentMapper();
        SessionRepository sessions = new SessionRepository(documents, fhir, mapper, clock, properties.retention());
        EncounterRecords encounters = new EncounterRecords(documents, fhir, new EncounterMapper(), clock);
        JoinTickets tickets = new JoinTickets(singleUse, new SecureRandom(), clock, properties.ticketTtl());
        AccessPolicy policy = new AccessPolicy(properties.minLoa(), properties.videoServiceClients());
        SessionAccess access = new SessionAccess();
        return new TelehealthServices(
                new SessionBooking(sessions, encounters, policy, access, clock, properties.maxDuration()),
                new SessionJoin(sessions, encounters, tickets, policy, access, clock, properties),
                new SessionQueries(sessions, encounters, policy, access),
                mapper);
    }
}
