package vn.healthid.identity.keycloak.claims;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * {@code acr}: the way this login actually proved the person (docs/chip-login.md, levels). Keycloak's acr mapper names
 * the first acr of the level its flow conditions reached, and several ways share a level (chip-pa, vneid-1, pwd); a
 * card that did active authentication in a level-1 step proved level 3. Runs after Keycloak's mapper and names the
 * strongest proof the session holds: chip or VNeID note, password with or without OTP, or the client itself.
 */
public final class AcrMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, TokenIntrospectionTokenMapper {

    /** Kept from the first version (chip acr only): realms refer to mappers by this id. */
    public static final String ID = "healthid-chip-acr-mapper";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, AcrMapper.class);
    }

    @Override
    protected void setClaim(
            IDToken token,
            ProtocolMapperModel model,
            UserSessionModel userSession,
            KeycloakSession session,
            ClientSessionContext clientSessionCtx) {
        LoginProof proof = LoginProof.of(
                session, userSession, clientSessionCtx.getClientSession().getClient());
        token.setAcr(proof.acr());
        if (token.getAuth_time() == null && !proof.amr().isEmpty()) {
            // Keycloak's auth_time mapper reads a session note the direct grant does not write; the session started
            // when the password was checked. Every token about a person says when it was proven (OIDC Core).
            token.setAuth_time((long) userSession.getStarted());
        }
    }

    @Override
    public int getPriority() {
        return 60; // after Keycloak's acr mapper and the audience mappers
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "healthid acr (proof actually made)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Names the acr of the strongest proof this login made: chip, VNeID, password (+ OTP) or client.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
