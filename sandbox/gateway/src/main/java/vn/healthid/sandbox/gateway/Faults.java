package vn.healthid.sandbox.gateway;

import java.time.Duration;

/** Switches read on every request: a latency added to each answer and a failure mode. */
public final class Faults {

    private volatile FaultMode mode = FaultMode.NONE;
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean includeToken;

    public FaultMode mode() {
        return mode;
    }

    /** Sets the failure mode of the lookup endpoints ({@code KQNhanLichSuKCB2024}, {@code Lskcb2025}). */
    public Faults mode(FaultMode mode) {
        this.mode = mode;
        return this;
    }

    public Duration latency() {
        return latency;
    }

    /** Every answer (token endpoint included) is delayed by this much; zero for none. */
    public Faults latency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.latency = latency;
        return this;
    }

    /** Whether the failure mode also hits {@code /api/token/take} (default: no). */
    public Faults includeTokenEndpoint(boolean includeToken) {
        this.includeToken = includeToken;
        return this;
    }

    boolean hitsTokenEndpoint() {
        return includeToken;
    }

    /** Back to normal service. */
    public Faults reset() {
        mode = FaultMode.NONE;
        latency = Duration.ZERO;
        includeToken = false;
        return this;
    }
}
