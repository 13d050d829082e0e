package vn.healthid.identity.keycloak.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import vn.healthid.identity.keycloak.login.ChipSessionNotes;
import vn.healthid.identity.keycloak.service.ChipLevels;
import vn.healthid.identity.keycloak.service.ChipService;

/**
 * What the login behind a user session actually proved: the acr of the strongest proof made (docs/chip-login.md,
 * levels) and the RFC 8176 {@code amr} values of every method used. Read from the session, never from the request:
 * the chip and VNeID notes, Keycloak's record of completed authenticators (password, OTP), the service account.
 */
record LoginProof(String acr, List<String> amr) {

    static final String ACR_PASSWORD = "urn:vn:healthid:acr:pwd";
    static final String ACR_PASSWORD_OTP = "urn:vn:healthid:acr:pwd-otp";
    static final String ACR_CLIENT = "urn:vn:healthid:acr:client";

    private static final Set<String> PASSWORD_AUTHENTICATORS =
            Set.of("auth-username-password-form", "auth-password-form", "direct-grant-validate-password");
    private static final Set<String> OTP_AUTHENTICATORS = Set.of("auth-otp-form", "direct-grant-validate-otp");

    static LoginProof of(KeycloakSession session, UserSessionModel userSession, ClientModel client) {
        if (userSession.getUser().getServiceAccountClientLink() != null) {
            return new LoginProof(ACR_CLIENT, List.of()); // client credentials: no person, no method
        }
        String proven = userSession.getNote(ChipSessionNotes.ACR);
        List<String> completed = completedAuthenticators(userSession);
        // Without a chip or VNeID note the only way into this realm is a password (the direct grant may not record it).
        boolean password = completed.stream().anyMatch(PASSWORD_AUTHENTICATORS::contains) || proven == null;
        boolean otp = completed.stream().anyMatch(OTP_AUTHENTICATORS::contains);
        List<String> amr = new ArrayList<>();
        if (password) {
            amr.add("pwd");
        }
        if (password && otp) {
            amr.add("otp");
        }
        if (proven != null) {
            amr.addAll(methodOf(
                    proven, session.getProvider(ChipService.class).settings().levels()));
        }
        String passwordAcr = !password ? null : otp ? ACR_PASSWORD_OTP : ACR_PASSWORD;
        return new LoginProof(strongest(proven, passwordAcr, AcrUtils.getAcrLoaMap(client)), List.copyOf(amr));
    }

    boolean usedPassword() {
        return amr.contains("pwd");
    }

    /** hwk + sc: the chip's own key answered (active authentication); sc: a chip's files only; fed: VNeID. */
    private static List<String> methodOf(String acr, ChipLevels chip) {
        if (acr.equals(chip.acrActive())) {
            return List.of("hwk", "sc");
        }
        if (acr.equals(chip.acrPassive())) {
            return List.of("sc");
        }
        return List.of("fed");
    }

    private static String strongest(String first, String second, Map<String, Integer> loa) {
        if (first == null || second == null) {
            return Objects.requireNonNullElse(first, second);
        }
        return loa.getOrDefault(second, -1) > loa.getOrDefault(first, -1) ? second : first;
    }

    private static List<String> completedAuthenticators(UserSessionModel userSession) {
        String note = userSession.getNote(Constants.AUTHENTICATORS_COMPLETED);
        if (note == null) {
            return List.of();
        }
        RealmModel realm = userSession.getRealm();
        return AuthenticatorUtils.parseCompletedExecutions(note).keySet().stream()
                .flatMap(id -> Stream.ofNullable(realm.getAuthenticationExecutionById(id)))
                .map(AuthenticationExecutionModel::getAuthenticator)
                .filter(Objects::nonNull)
                .toList();
    }
}
