package vn.healthid.identity.keycloak.launch;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * SMART App Launch 2.0 {@code aud}: an app names the FHIR server it will send the token to; a value that is not one of
 * ours means the app was pointed at another (possibly counterfeit) server, so the request gets no code. Validated only
 * when present: generic OpenID Connect clients do not send it (docs/smart.md, section 10). Runs at
 * Keycloak's {@code AUTHORIZATION_REQUEST} event, before any login or single sign-on, so every authorization request
 * is checked; Keycloak turns the exception into an error redirect to the app with {@code state}.
 */
final class SmartAudienceExecutor
        implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    static final String AUD = "aud";

    private final FhirBaseUrls fhirBaseUrls;

    SmartAudienceExecutor(FhirBaseUrls fhirBaseUrls) {
        this.fhirBaseUrls = fhirBaseUrls;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() != ClientPolicyEvent.AUTHORIZATION_REQUEST
                || !(context instanceof AuthorizationRequestContext request)) {
            return;
        }
        List<String> values = new ArrayList<>();
        var additional = request.getAuthorizationEndpointRequest().getAdditionalReqParams();
        if (additional != null && additional.get(AUD) != null) {
            values.add(additional.get(AUD));
        }
        // every raw value too, should a repeated aud ever get this far (Keycloak 26.7 refuses repeated parameters
        // itself with "duplicated parameter": SmartLaunchIT)
        var raw = request.getRequestParameters();
        if (raw != null && raw.get(AUD) != null) {
            raw.get(AUD).stream().filter(v -> v != null && !v.isBlank()).forEach(values::add);
        }
        if (!values.stream().allMatch(fhirBaseUrls::accepts)) {
            LaunchRefusal refusal = LaunchRefusal.AUD_NOT_THIS_FHIR_SERVER;
            throw new ClientPolicyException(refusal.error(), refusal.description(), refusal.status());
        }
    }

    @Override
    public String getProviderId() {
        return SmartAudienceExecutorFactory.ID;
    }
}
