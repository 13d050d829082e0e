package vn.healthid.identity.keycloak.launch;

import java.util.List;
import java.util.Optional;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenResponseMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.AccessTokenResponse;
import vn.healthid.identity.keycloak.claims.FhirUserMapper;

/**
 * Standalone launch (SMART App Launch 2.0, scope {@code launch/patient}): a citizen signed in as a patient is the
 * patient in context, so the token response carries {@code patient} = their patient id (the id of {@code fhirUser}).
 * Staff get no patient (there is no patient picker); an EHR launch's context takes precedence. Token introspection
 * answers the same {@code patient} (SMART 2.0 token introspection), for tokens whose scope holds {@code launch/patient}.
 */
public final class LaunchPatientMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenResponseMapper, TokenIntrospectionTokenMapper {

    public static final String ID = "healthid-smart-launch-patient-mapper";
    private static final String PATIENT_PREFIX = "Patient/";

    @Override
    public AccessTokenResponse transformAccessTokenResponse(
            AccessTokenResponse response,
            ProtocolMapperModel model,
            KeycloakSession session,
            UserSessionModel userSession,
            ClientSessionContext clientSessionCtx) {
        boolean ehrLaunch =
                LaunchContextMapper.hasLaunch(clientSessionCtx.getClientSession()) && grantsLaunch(clientSessionCtx);
        if (ehrLaunch || response.getOtherClaims().containsKey("patient")) {
            return response;
        }
        signedInPatient(session, userSession, clientSessionCtx)
                .ifPresent(patient -> response.setOtherClaims("patient", patient));
        return response;
    }

    @Override
    public AccessToken transformIntrospectionToken(
            AccessToken token,
            ProtocolMapperModel model,
            KeycloakSession session,
            UserSessionModel userSession,
            ClientSessionContext clientSessionCtx) {
        boolean ehrLaunch = LaunchContextMapper.boundTo(clientSessionCtx.getClientSession(), token)
                        .isPresent()
                && grantsLaunch(clientSessionCtx);
        if (!OIDCAttributeMapperHelper.includeInIntrospection(model)
                || ehrLaunch
                || token.getOtherClaims().containsKey("patient")) {
            return token;
        }
        signedInPatient(session, userSession, clientSessionCtx)
                .ifPresent(patient -> token.getOtherClaims().put("patient", patient));
        return token;
    }

    private static boolean grantsLaunch(ClientSessionContext clientSessionCtx) {
        return clientSessionCtx.getClientScopesStream().anyMatch(scope -> "launch".equals(scope.getName()));
    }

    /** The signed-in citizen's patient id (the id of {@code fhirUser}); empty for staff. */
    private static Optional<String> signedInPatient(
            KeycloakSession session, UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        return FhirUserMapper.of(
                        session,
                        userSession,
                        clientSessionCtx.getClientSession().getClient())
                .filter(fhirUser -> fhirUser.startsWith(PATIENT_PREFIX))
                .map(fhirUser -> fhirUser.substring(PATIENT_PREFIX.length()));
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "SMART standalone patient context";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds patient = the signed-in citizen's patient id to the token response.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return LaunchContextMapper.introspectionConfig();
    }
}
