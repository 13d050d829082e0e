package vn.healthid.bridge.telehealth.ticket;

import java.time.Instant;

/** A freshly issued join ticket; {@code toString} never shows the ticket. */
public record IssuedTicket(String ticket, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedTicket[expiresAt=" + expiresAt + "]";
    }
}
