package vn.healthid.identity.keycloak.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;
import vn.healthid.identity.keycloak.login.ChipSessionNotes;
import vn.healthid.identity.keycloak.user.CitizenAttributes;

/**
 * OpenID Connect for Identity Assurance {@code verified_claims} for a chip-verified citizen. The national id inside
 * follows the same audience rule as the national_id claim.
 */
public final class VerifiedClaimsMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper {

    private static final String VNEID_METHOD = "vneid";

    public static final String ID = "healthid-verified-claims-mapper";
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        CONFIG.add(new ProviderConfigProperty(
                Audiences.CONFIG,
                "National id audiences",
                "Audiences whose tokens may carry the national id",
                ProviderConfigProperty.STRING_TYPE,
                Audiences.DEFAULT));
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, VerifiedClaimsMapper.class);
    }

    @Override
    protected void setClaim(
            IDToken token,
            ProtocolMapperModel model,
            UserSessionModel userSession,
            KeycloakSession session,
            ClientSessionContext clientSessionCtx) {
        UserModel user = userSession.getUser();
        String number = user.getFirstAttribute(CitizenAttributes.NATIONAL_ID);
        String time = firstNonNull(
                userSession.getNote(ChipSessionNotes.VERIFIED_AT),
                user.getFirstAttribute(CitizenAttributes.CHIP_VERIFIED_AT));
        if (number == null || time == null) {
            return;
        }
        String method = firstNonNull(userSession.getNote(ChipSessionNotes.METHOD), "chip");
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("trust_framework", "vn_cccd");
        verification.put("time", time);
        verification.put("evidence", List.of(evidence(method)));
        Map<String, Object> claims = new LinkedHashMap<>();
        putIfPresent(claims, "given_name", user.getFirstName());
        putIfPresent(claims, "family_name", user.getLastName());
        putIfPresent(claims, "birthdate", user.getFirstAttribute(CitizenAttributes.BIRTHDATE));
        putIfPresent(claims, "gender", user.getFirstAttribute(CitizenAttributes.GENDER));
        if (Audiences.allowNationalId(
                token, model, clientSessionCtx.getClientSession().getClient())) {
            claims.put("national_id", number);
        }
        token.getOtherClaims().put("verified_claims", Map.of("verification", verification, "claims", claims));
    }

    /** The chip reads an identity document; VNeID vouches from the state's electronic identity record. */
    private static Map<String, Object> evidence(String method) {
        if (VNEID_METHOD.equals(method)) {
            return Map.of(
                    "type",
                    "electronic_record",
                    "method",
                    method,
                    "record",
                    Map.of("type", "vneid_account", "source", Map.of("name", "VNeID", "country_code", "VNM")));
        }
        return Map.of(
                "type",
                "document",
                "method",
                method,
                "document_details",
                Map.of("type", "idcard", "issuer", Map.of("country_code", "VNM")));
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }

    private static void putIfPresent(Map<String, Object> claims, String name, String value) {
        if (value != null && !value.isEmpty()) {
            claims.put(name, value);
        }
    }

    @Override
    public int getPriority() {
        return 50; // after the audience mappers
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Verified claims (OIDC4IDA, CCCD chip)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds verified_claims with the chip evidence and the verified identity.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
