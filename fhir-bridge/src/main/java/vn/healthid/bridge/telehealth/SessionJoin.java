package vn.healthid.bridge.telehealth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.store.VersionConflictException;
import vn.healthid.bridge.telehealth.access.AccessPolicy;
import vn.healthid.bridge.telehealth.access.Operation;
import vn.healthid.bridge.telehealth.access.SessionAccess;
import vn.healthid.bridge.telehealth.domain.SessionStatus;
import vn.healthid.bridge.telehealth.domain.TelehealthError;
import vn.healthid.bridge.telehealth.domain.TelehealthSession;
import vn.healthid.bridge.telehealth.persist.EncounterRecords;
import vn.healthid.bridge.telehealth.persist.SessionRepository;
import vn.healthid.bridge.telehealth.persist.StoredSession;
import vn.healthid.bridge.telehealth.ticket.JoinTickets;
import vn.healthid.bridge.telehealth.ticket.TicketGrant;

/**
 * {@code $join}: a participant of a booked or running session, inside its window, gets a join
 * ticket and the room URL; the first join moves the session to arrived and opens its Encounter.
 * {@code $redeem-ticket}: the video service consumes a ticket once.
 */
public final class SessionJoin {

    private static final int ATTEMPTS = 4;

    private final SessionRepository sessions;
    private final EncounterRecords encounters;
    private final JoinTickets tickets;
    private final AccessPolicy policy;
    private final SessionAccess access;
    private final Clock clock;
    private final TelehealthProperties properties;

    public SessionJoin(
            SessionRepository sessions,
            EncounterRecords encounters,
            JoinTickets tickets,
            AccessPolicy policy,
            SessionAccess access,
            Clock clock,
            TelehealthProperties properties) {
        this.sessions = sessions;
        this.encounters = encounters;
        this.tickets = tickets;
        this.policy = policy;
        this.access = access;
        this.clock = clock;
        this.properties = properties;
    }

    public JoinResult join(Caller caller, String id) {
        policy.require(caller, Operation.JOIN);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StoredSession stored = sessions.find(id).orElseThrow(() -> new BridgeFhirException(BridgeError.NOT_FOUND));
            TelehealthSession session = stored.session();
            if (!access.participant(caller, session)) {
                throw new BridgeFhirException(TelehealthError.NOT_A_PARTICIPANT);
            }
            if (session.status() != SessionStatus.BOOKED && session.status() != SessionStatus.ARRIVED) {
                throw new BridgeFhirException(
                        TelehealthError.NOT_JOINABLE,
                        "the session is " + session.status().code());
            }
            checkWindow(session);
            if (session.status() == SessionStatus.BOOKED) {
                try {
                    stored = sessions.update(session.withStatus(SessionStatus.ARRIVED), stored.version());
                } catch (VersionConflictException e) {
                    continue; // changed meanwhile (another join, a cancel): decide again on the new state
                }
            }
            // idempotent: also repairs a first join that stopped between the two writes
            encounters.open(stored.session());
            var ticket = tickets.issue(session.id(), caller.reference());
            return new JoinResult(stored, ticket, sessionUrl(session.id(), ticket.ticket()));
        }
        throw new BridgeFhirException(BridgeError.VERSION_CONFLICT);
    }

    /**
     * @param appointmentId the room the video service serves, or null; a ticket presented for
     *     another room is consumed and refused
     */
    public TicketGrant redeem(Caller caller, String ticket, String appointmentId) {
        policy.require(caller, Operation.REDEEM);
        TicketGrant grant =
                tickets.redeem(ticket).orElseThrow(() -> new BridgeFhirException(TelehealthError.TICKET_INVALID));
        if (appointmentId != null && !appointmentId.equals(grant.appointmentId())) {
            throw new BridgeFhirException(TelehealthError.TICKET_WRONG_APPOINTMENT);
        }
        SessionStatus status = sessions.find(grant.appointmentId())
                .map(s -> s.session().status())
                .orElseThrow(
                        () -> new BridgeFhirException(TelehealthError.NOT_JOINABLE, "the session no longer exists"));
        if (status != SessionStatus.ARRIVED) {
            throw new BridgeFhirException(TelehealthError.NOT_JOINABLE, "the session is " + status.code());
        }
        return grant;
    }

    private void checkWindow(TelehealthSession session) {
        Instant now = clock.instant();
        Instant opens = session.start().minus(properties.joinEarly());
        Instant closes = session.end().plus(properties.joinLate());
        if (now.isBefore(opens)) {
            throw new BridgeFhirException(TelehealthError.JOIN_TOO_EARLY, "the session can be joined from " + opens);
        }
        if (!now.isBefore(closes)) {
            throw new BridgeFhirException(
                    TelehealthError.JOIN_WINDOW_CLOSED, "the session could be joined until " + closes);
        }
    }

    private String sessionUrl(String appointmentId, String ticket) {
        return properties
                .sessionUrlTemplate()
                .replace("{appointmentId}", URLEncoder.encode(appointmentId, StandardCharsets.UTF_8))
                .replace("{ticket}", URLEncoder.encode(ticket, StandardCharsets.UTF_8));
    }
}
