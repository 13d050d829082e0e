package vn.healthid.identity.keycloak.challenge;

/**
 * What a challenge is bound to besides the client: the back channel, or one browser authentication session (so a
 * nonce shown in one browser cannot finish a login in another).
 */
public record ChallengeBinding(String clientId, String flow) {

    public static final String BACK_CHANNEL = "back-channel";
    private static final String BROWSER = "browser:";

    public static ChallengeBinding backChannel(String clientId) {
        return new ChallengeBinding(clientId, BACK_CHANNEL);
    }

    /** True for a challenge shown on a login page (the only kind the phone callback accepts). */
    public boolean isBrowser() {
        return flow.startsWith(BROWSER);
    }

    public static ChallengeBinding browser(String clientId, String rootSessionId, String tabId) {
        return new ChallengeBinding(clientId, BROWSER + rootSessionId + ":" + tabId);
    }
}
