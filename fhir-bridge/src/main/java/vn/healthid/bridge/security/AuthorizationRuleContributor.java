package vn.healthid.bridge.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import java.util.List;

/**
 * Extra HAPI authorization rules of a feature (for example AuditEvents a patient may list). They
 * are evaluated before the scope-derived compartment rules; the scope check itself
 * ({@link AccessResolver}) always runs first.
 */
public interface AuthorizationRuleContributor {

    List<IAuthRule> rules(Access access, RequestDetails request);
}
