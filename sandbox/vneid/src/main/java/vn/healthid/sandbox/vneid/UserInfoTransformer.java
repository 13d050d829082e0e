package vn.healthid.sandbox.vneid;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code GET /oauth2/userinfo} with a bearer token: the sealed citizen claims (docs/vietnam.md section 5). */
final class UserInfoTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "vneid-userinfo";
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final StandInSettings settings;
    private final Grants grants;
    private final Sealer sealer;
    private final Replies replies;
    private final Faults faults;

    UserInfoTransformer(StandInSettings settings, Grants grants, Sealer sealer, Replies replies, Faults faults) {
        this.settings = settings;
        this.grants = grants;
        this.sealer = sealer;
        this.replies = replies;
        this.faults = faults;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        ResponseDefinition fault = replies.faultOrNull();
        if (fault != null) {
            return fault;
        }
        String authorization = serveEvent.getRequest().getHeader("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        Optional<Account> account = grants.tokenOwner(token);
        if (account.isEmpty()) {
            return replies.error(401, "invalid_token", "unknown or expired access token");
        }
        Account a = account.get();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("citizenPid", a.citizenPid());
        claims.put("fullName", a.fullName());
        claims.put("birthDate", a.birthDate() == null ? null : a.birthDate().format(DAY_FIRST));
        claims.put("accountType", "CONG_DAN");
        claims.put("accountLevel", a.level());
        return replies.sealed(
                sealer.seal(claims, settings.relyingPartyKey(), faults.mode() == FaultMode.TAMPER_USERINFO));
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
