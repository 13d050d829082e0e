package vn.healthid.sandbox.vneid;

/** How the stand-in misbehaves, for the broker's error paths. */
public enum FaultMode {
    NONE,
    /** The token response envelope has one ciphertext bit flipped. */
    TAMPER_TOKEN_RESPONSE,
    /** The userinfo envelope has one ciphertext bit flipped. */
    TAMPER_USERINFO,
    /** Answers are sealed for a key that is not the relying party's. */
    WRONG_RECIPIENT_KEY,
    /** Token and userinfo answer 500 with an HTML page. */
    SERVER_ERROR,
    /** Token and userinfo answer after {@link VneidStandIn#SLOW_DELAY}. */
    SLOW
}
