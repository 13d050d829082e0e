package vn.healthid.bridge.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses what the bridge does not serve before HAPI dispatches, rather than letting it be
 * ignored: unknown resource types (400), {@code _history} and root interactions (405), search
 * features that can leak across patients (hapi-fhir#6065: {@code _include}, {@code _revinclude},
 * {@code _has}, chaining, modifiers; 400), responses other than FHIR JSON/XML (406) and bodies
 * that are not FHIR JSON/XML (415).
 */
@Interceptor
public final class RequestGuardInterceptor {

    /** The only parameters starting with '_' that reach a provider ({@code _count}/{@code _offset}: paging). */
    private static final Set<String> ALLOWED_UNDERSCORE = Set.of("_format", "_pretty", "_id", "_count", "_offset");

    private final Set<String> servedTypes;
    private final MediaTypes mediaTypes = new MediaTypes();

    public RequestGuardInterceptor(Set<String> servedTypes) {
        this.servedTypes = Set.copyOf(servedTypes);
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean guard(HttpServletRequest request) {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] segments = path.startsWith("/") ? path.substring(1).split("/") : path.split("/");
        checkPath(segments);
        if (!mediaTypes.acceptable(request.getHeader("Accept"), formatParameter(request))) {
            throw new BridgeFhirException(BridgeError.NOT_ACCEPTABLE);
        }
        checkBodyType(request, segments);
        for (String name : request.getParameterMap().keySet()) {
            checkParameterName(name);
        }
        return true;
    }

    private void checkPath(String[] segments) {
        String first = segments.length == 0 ? "" : segments[0];
        if (first.isEmpty()) {
            throw new BridgeFhirException(
                    BridgeError.INTERACTION_UNSUPPORTED,
                    "Whole-system interactions (transaction, batch) are not supported.");
        }
        for (String segment : segments) {
            if (segment.startsWith("_history")) {
                throw new BridgeFhirException(BridgeError.INTERACTION_UNSUPPORTED, "_history is not supported.");
            }
        }
        if (first.equals("metadata")) {
            return;
        }
        if (first.startsWith("$")) {
            throw new BridgeFhirException(BridgeError.INTERACTION_UNSUPPORTED, "System operations are not supported.");
        }
        if (!servedTypes.contains(first)) {
            throw new BridgeFhirException(BridgeError.RESOURCE_TYPE_UNKNOWN, "Resource types served: " + servedTypes);
        }
    }

    private void checkBodyType(HttpServletRequest request, String[] segments) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
            return;
        }
        boolean search = segments.length == 2 && segments[1].equals("_search");
        if (!mediaTypes.acceptableBody(request.getContentType(), search)) {
            throw new BridgeFhirException(BridgeError.MEDIA_TYPE_UNSUPPORTED);
        }
    }

    private static void checkParameterName(String name) {
        if (name.contains(".") || name.contains(":")) {
            throw new BridgeFhirException(
                    BridgeError.PARAMETER_UNSUPPORTED, "Chained parameters and modifiers are not supported.");
        }
        if (name.startsWith("_") && !ALLOWED_UNDERSCORE.contains(name)) {
            throw new BridgeFhirException(
                    BridgeError.PARAMETER_UNSUPPORTED, "Parameter " + name + " is not supported.");
        }
    }

    private static String formatParameter(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && query.contains("_format=") ? request.getParameter("_format") : null;
    }
}
