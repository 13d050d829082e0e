package vn.healthid.identity.keycloak.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;
import vn.healthid.identity.keycloak.login.ChipSessionNotes;
import vn.healthid.identity.keycloak.service.ChipService;
import vn.healthid.identity.keycloak.user.CitizenAttributes;
import vn.healthid.identity.keycloak.user.PatientIds;

/**
 * {@code fhirUser}: {@code Patient/<patientId>} by the shared HMAC scheme (key: spi option patient-id-key), or
 * {@code Practitioner/<practitioner_id>} for clinic staff outside a chip or VNeID session.
 */
public final class FhirUserMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String ID = "healthid-fhir-user-mapper";
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, FhirUserMapper.class);
    }

    @Override
    protected void setClaim(
            IDToken token,
            ProtocolMapperModel model,
            UserSessionModel userSession,
            KeycloakSession session,
            ClientSessionContext clientSessionCtx) {
        of(session, userSession, clientSessionCtx.getClientSession().getClient())
                .ifPresent(fhirUser -> token.getOtherClaims().put("fhirUser", fhirUser));
    }

    /**
     * The session's FHIR user ({@code Patient/<id>} or {@code Practitioner/<id>}), or empty for a user who is neither;
     * also read by the SMART launch context (package launch).
     */
    public static Optional<String> of(KeycloakSession session, UserSessionModel userSession, ClientModel client) {
        String practitioner = userSession.getUser().getFirstAttribute(CitizenAttributes.PRACTITIONER_ID);
        boolean provenCitizenSession = userSession.getNote(ChipSessionNotes.METHOD) != null;
        boolean staffLogin = practitioner != null
                && LoginProof.of(session, userSession, client).usedPassword();
        if (practitioner != null && (!provenCitizenSession || staffLogin)) {
            // Clinic staff logged in as staff (a password, then perhaps OTP and their own card for level 3) act as
            // their Practitioner; the same person proven only by chip or VNeID acts as a patient.
            return Optional.of("Practitioner/" + practitioner);
        }
        String number = userSession.getUser().getFirstAttribute(CitizenAttributes.NATIONAL_ID);
        if (number == null) {
            return Optional.empty();
        }
        PatientIds ids =
                new PatientIds(session.getProvider(ChipService.class).settings().patientIdKey());
        return Optional.of("Patient/" + ids.forNationalId(number));
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "FHIR user (Patient id)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds fhirUser = Patient/<id>, the id derived from the national id with the shared HMAC key.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
