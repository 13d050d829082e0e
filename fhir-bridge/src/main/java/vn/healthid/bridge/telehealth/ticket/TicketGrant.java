package vn.healthid.bridge.telehealth.ticket;

import java.time.Instant;

/** What a redeemed ticket admits: one participant ({@code Patient/..} or {@code Practitioner/..}) to one session. */
public record TicketGrant(String appointmentId, String participant, Instant expiresAt) {}
