package vn.healthid.sandbox.stack.cluster;

import java.security.SecureRandom;

/**
 * Synthetic source addresses for the checks that talk to one Keycloak node directly. The nodes take the source address
 * from {@code X-Forwarded-For} ({@code proxy-headers=xforwarded}, sandbox/stack/cluster/keycloak.conf), which the
 * balancer overwrites with the peer it saw; a check that bypasses the balancer sets the header itself, as that trusted
 * proxy would. Only a header value: nothing is sent to these addresses.
 *
 * <p>{@code 10.<check>.<run>.<n>}: each check has its own addresses, so that one check's failures and rate counts
 * (per address, identity-spi/README.md "Abuse settings") touch no other check; {@code run} is random per run of
 * {@code cluster test}, so that a lock left by an earlier run (it lasts lockout-duration) does not touch this one.
 */
final class Addresses {

    static final String HEADER = "X-Forwarded-For";
    private static final int RUN = new SecureRandom().nextInt(256);

    private Addresses() {}

    /** Address {@code n} (1..254) of check {@code check} (1..254) in this run. */
    static String of(int check, int n) {
        if (check < 1 || check > 254 || n < 1 || n > 254) {
            throw new IllegalArgumentException("address " + check + "." + n + " out of range");
        }
        return "10." + check + "." + RUN + "." + n;
    }
}
