package vn.healthid.bridge.telehealth.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.healthid.bridge.store.SingleUseStore;

/**
 * Join tickets: 256 random bits (base64url), single use, short-lived, bound to one participant of
 * one session. The store key is the ticket's SHA-256, so a store dump holds no usable ticket; the
 * value carries the binding and the expiry, re-checked on redemption besides the store's TTL.
 */
public final class JoinTickets {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String KEY_PREFIX = "telehealth-ticket:";

    private final SingleUseStore store;
    private final SecureRandom random;
    private final Clock clock;
    private final Duration ttl;

    public JoinTickets(SingleUseStore store, SecureRandom random, Clock clock, Duration ttl) {
        this.store = store;
        this.random = random;
        this.clock = clock;
        this.ttl = ttl;
    }

    public IssuedTicket issue(String appointmentId, String participant) {
        Instant expiresAt = clock.instant().plus(ttl);
        String value = appointmentId + ' ' + participant + ' ' + expiresAt.toEpochMilli();
        for (int attempt = 0; attempt < 3; attempt++) {
            byte[] bits = new byte[32];
            random.nextBytes(bits);
            String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
            if (store.put(key(ticket), value, ttl)) {
                return new IssuedTicket(ticket, expiresAt);
            }
        }
        // three collisions of 256 random bits mean a broken random source, not bad luck
        throw new IllegalStateException("could not store a fresh join ticket");
    }

    /** Consumes the ticket: empty when malformed, unknown, expired or already redeemed. */
    public Optional<TicketGrant> redeem(String ticket) {
        if (ticket == null || !FORMAT.matcher(ticket).matches()) {
            return Optional.empty();
        }
        return store.take(key(ticket))
                .map(JoinTickets::parse)
                .filter(g -> clock.instant().isBefore(g.expiresAt()));
    }

    private static TicketGrant parse(String value) {
        String[] parts = value.split(" ");
        return new TicketGrant(parts[0], parts[1], Instant.ofEpochMilli(Long.parseLong(parts[2])));
    }

    private static String key(String ticket) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.US_ASCII));
            return KEY_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
