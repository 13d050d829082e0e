package vn.healthid.bridge.store;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs store calls for a user that can do without the store: a failure answers the fallback, and
 * the outage is logged once when it starts and once when it ends.
 */
public final class Outage {

    private static final Logger LOG = LoggerFactory.getLogger(Outage.class);

    private final String user;
    private final AtomicBoolean down = new AtomicBoolean();

    /** {@code user} names who goes without, in the log ("coverage cache"). */
    public Outage(String user) {
        this.user = user;
    }

    public <T> T call(Supplier<T> call, T fallback) {
        try {
            T value = call.get();
            if (down.compareAndSet(true, false)) {
                LOG.info("store reachable again; {} resumed", user);
            }
            return value;
        } catch (RuntimeException e) {
            if (down.compareAndSet(false, true)) {
                LOG.warn(
                        "store unreachable ({}); {} goes without it",
                        e.getClass().getSimpleName(),
                        user);
            }
            return fallback;
        }
    }

    public void run(Runnable call) {
        call(
                () -> {
                    call.run();
                    return Boolean.TRUE;
                },
                Boolean.FALSE);
    }

    public boolean isDown() {
        return down.get();
    }
}
