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
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;
import vn.healthid.identity.keycloak.user.CitizenAttributes;

/** {@code national_id}: the 12-digit number, only in access tokens whose audience is configured. */
public final class NationalIdMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, TokenIntrospectionTokenMapper {

    public static final String ID = "healthid-national-id-mapper";
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        ProviderConfigProperty audiences = new ProviderConfigProperty(
                Audiences.CONFIG,
                "Audiences",
                "Comma-separated audiences that may see the national id",
                ProviderConfigProperty.STRING_TYPE,
                Audiences.DEFAULT);
        CONFIG.add(audiences);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, NationalIdMapper.class);
    }

    @Override
    protected void setClaim(
            IDToken token,
            ProtocolMapperModel model,
            UserSessionModel userSession,
            KeycloakSession session,
            ClientSessionContext clientSessionCtx) {
        String number = userSession.getUser().getFirstAttribute(CitizenAttributes.NATIONAL_ID);
        if (number != null
                && Audiences.allowNationalId(
                        token, model, clientSessionCtx.getClientSession().getClient())) {
            token.getOtherClaims().put("national_id", number);
        }
    }

    @Override
    public int getPriority() {
        return 50; // after the audience mappers (0 and 30), so that aud is final
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "CCCD national id (audience-restricted)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds national_id when the token's audience includes one of the configured audiences.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
