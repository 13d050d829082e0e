package vn.healthid.bridge.telehealth.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.healthid.bridge.store.memory.MemorySingleUseStore;
import vn.healthid.bridge.telehealth.RedisTestStore;
import vn.healthid.bridge.telehealth.TestClock;

class JoinTicketsIT {

    private static final Duration TTL = Duration.ofMinutes(2);

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T09:00:00Z"));

    @Nested
    class InMemory {

        private final JoinTickets tickets =
                new JoinTickets(new MemorySingleUseStore(clock), new SecureRandom(), clock, TTL);

        @Test
        void issuesAnOpaque256BitTicketThatExpiresInTwoMinutes() {
            IssuedTicket issued = tickets.issue("a1", "Patient/p1");

            assertThat(issued.ticket()).matches("[A-Za-z0-9_-]{43}"); // 32 bytes, base64url
            assertThat(issued.ticket()).doesNotContain("a1").doesNotContain("p1");
            assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(TTL));
            assertThat(issued.toString()).doesNotContain(issued.ticket());
        }

        @Test
        void redeemsATicketOnceWithItsBinding() {
            IssuedTicket issued = tickets.issue("a1", "Practitioner/d1");

            assertThat(tickets.redeem(issued.ticket()))
                    .contains(new TicketGrant("a1", "Practitioner/d1", issued.expiresAt()));
            assertThat(tickets.redeem(issued.ticket())).isEmpty();
        }

        @Test
        void refusesAnExpiredTicket() {
            IssuedTicket issued = tickets.issue("a1", "Patient/p1");

            clock.advance(TTL);

            assertThat(tickets.redeem(issued.ticket())).isEmpty();
        }

        @Test
        void refusesMalformedAndUnknownTickets() {
            assertThat(tickets.redeem(null)).isEmpty();
            assertThat(tickets.redeem("short")).isEmpty();
            assertThat(tickets.redeem("A".repeat(43))).isEmpty();
        }

        @Test
        void issuesADifferentTicketEachTime() {
            assertThat(tickets.issue("a1", "Patient/p1").ticket())
                    .isNotEqualTo(tickets.issue("a1", "Patient/p1").ticket());
        }
    }

    @Nested
    class OnRedis {

        @Test
        void storesOnlyTheTicketsDigestWithAnExpiry() {
            try (RedisTestStore redis = new RedisTestStore();
                    var connection = redis.connect(clock)) {
                JoinTickets tickets = new JoinTickets(connection.singleUse(), new SecureRandom(), clock, TTL);
                IssuedTicket issued = tickets.issue("a1", "Patient/p1");

                assertThat(redis.keys()).singleElement().satisfies(key -> {
                    assertThat(key).doesNotContain(issued.ticket());
                    assertThat(redis.pttl(key)).isPositive().isLessThanOrEqualTo(TTL.toMillis());
                });
            }
        }

        @Test
        void concurrentRedemptionsOfOneTicketAdmitExactlyOne() throws Exception {
            try (RedisTestStore redis = new RedisTestStore();
                    var connection = redis.connect(clock);
                    ExecutorService pool = Executors.newFixedThreadPool(8)) {
                JoinTickets tickets = new JoinTickets(connection.singleUse(), new SecureRandom(), clock, TTL);
                String ticket = tickets.issue("a1", "Patient/p1").ticket();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Optional<TicketGrant>>> attempts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    attempts.add(pool.submit(() -> {
                        go.await();
                        return tickets.redeem(ticket);
                    }));
                }
                go.countDown();
                int admitted = 0;
                for (Future<Optional<TicketGrant>> attempt : attempts) {
                    admitted += attempt.get().isPresent() ? 1 : 0;
                }
                assertThat(admitted).isEqualTo(1);
            }
        }
    }
}
