package vn.healthid.sandbox.vneid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Authorization codes (single use, short-lived, bound to client, redirect URI and PKCE challenge) and access tokens. */
final class Grants {

    static final Duration CODE_TTL = Duration.ofSeconds(60);
    static final Duration TOKEN_TTL = Duration.ofMinutes(5);

    record Code(Account account, String clientId, String redirectUri, String codeChallenge, Instant expiresAt) {}

    private record Token(Account account, Instant expiresAt) {}

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    String issueCode(Account account, String clientId, String redirectUri, String codeChallenge) {
        String code = randomId();
        codes.put(
                code,
                new Code(
                        account,
                        clientId,
                        redirectUri,
                        codeChallenge,
                        clock.instant().plus(CODE_TTL)));
        return code;
    }

    /** Removes the code whatever happens next: a code is good for one attempt only. */
    Optional<Code> redeem(String code) {
        Code found = code == null ? null : codes.remove(code);
        return Optional.ofNullable(found).filter(c -> c.expiresAt().isAfter(clock.instant()));
    }

    String issueToken(Account account) {
        String token = randomId();
        tokens.put(token, new Token(account, clock.instant().plus(TOKEN_TTL)));
        return token;
    }

    Optional<Account> tokenOwner(String token) {
        Token found = token == null ? null : tokens.get(token);
        return Optional.ofNullable(found)
                .filter(t -> t.expiresAt().isAfter(clock.instant()))
                .map(Token::account);
    }

    static boolean pkceMatches(String verifier, String challenge) {
        if (verifier == null || challenge == null) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            byte[] expected = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomId() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
