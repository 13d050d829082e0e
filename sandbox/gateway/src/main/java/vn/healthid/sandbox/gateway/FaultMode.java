package vn.healthid.sandbox.gateway;

/** How the stand-in misbehaves on the lookup endpoints. */
public enum FaultMode {
    /** Answers normally. */
    NONE,
    /** HTTP 500 with an HTML body, as a failing reverse proxy would. */
    SERVER_ERROR,
    /** HTTP 200 with a truncated JSON body. */
    MALFORMED_JSON,
    /** The TCP connection is reset before any response. */
    CONNECTION_RESET
}
