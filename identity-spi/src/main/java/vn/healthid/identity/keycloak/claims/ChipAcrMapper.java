package vn.healthid.identity.keycloak.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;
import vn.healthid.identity.keycloak.login.ChipSessionNotes;
import vn.healthid.identity.keycloak.service.ChipLevels;
import vn.healthid.identity.keycloak.service.ChipService;

/**
 * Several acr values share one LoA (chip-pa and vneid-1 are both 1), so Keycloak's acr mapper may name the wrong
 * one. Runs after it and names the chip's own acr instead, only when it stands for exactly the same LoA: it can
 * never raise the level. When the chip proved more than the granted level, the chip's acr of that level is named.
 */
public final class ChipAcrMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper {

    public static final String ID = "healthid-chip-acr-mapper";
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, ChipAcrMapper.class);
    }

    @Override
    protected void setClaim(
            IDToken token,
            ProtocolMapperModel model,
            UserSessionModel userSession,
            KeycloakSession session,
            ClientSessionContext clientSessionCtx) {
        String chipAcr = userSession.getNote(ChipSessionNotes.ACR);
        if (chipAcr == null || token.getAcr() == null || chipAcr.equals(token.getAcr())) {
            return;
        }
        Map<String, Integer> loa =
                AcrUtils.getAcrLoaMap(clientSessionCtx.getClientSession().getClient());
        Integer granted = loa.get(token.getAcr());
        Integer proven = loa.get(chipAcr);
        if (granted == null || proven == null || proven < granted) {
            return;
        }
        if (Objects.equals(granted, proven)) {
            token.setAcr(chipAcr);
            return;
        }
        // The chip proved more than the level this login asked for (e.g. active authentication at a level-1 step):
        // name the chip's acr of the granted level, never a higher one.
        ChipLevels levels = session.getProvider(ChipService.class).settings().levels();
        if (Objects.equals(granted, loa.get(levels.acrPassive()))) {
            token.setAcr(levels.acrPassive());
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
        return "CCCD chip acr";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Names the chip's acr when Keycloak's acr mapper chose another acr of the same level.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
