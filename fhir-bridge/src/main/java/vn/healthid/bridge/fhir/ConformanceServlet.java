package vn.healthid.bridge.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MetadataResource;

/**
 * {@code GET /fhir/<type>/<id>} (read) and {@code GET /fhir/<type>?url=} (search by canonical URL)
 * for the {@link ConformanceResources}, without a token: definitions hold no personal data, and a
 * validator or developer resolving a canonical URL has none. Mapped before the HAPI server (a
 * longer servlet path wins), so these reads never reach the authorization, audit and consent
 * interceptors of patient data. Read-only: any other method is 405.
 */
final class ConformanceServlet extends HttpServlet {

    private static final Set<String> SEARCH_PARAMETERS = Set.of("url", "_format", "_pretty");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final String PREFIX = "/fhir/";

    private final transient ConformanceResources resources;
    private final transient FhirContext context;
    private final transient OperationOutcomeResponder responder;
    private final transient MediaTypes mediaTypes = new MediaTypes();

    ConformanceServlet(ConformanceResources resources, FhirContext context, OperationOutcomeResponder responder) {
        this.resources = resources;
        this.context = context;
        this.responder = responder;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            responder.write(
                    request,
                    response,
                    BridgeError.INTERACTION_UNSUPPORTED,
                    "Definitions are read-only: GET only.",
                    Map.of("Allow", "GET, HEAD"));
            return;
        }
        if (!mediaTypes.acceptable(request.getHeader("Accept"), request.getParameter("_format"))) {
            responder.write(
                    request, response, BridgeError.NOT_ACCEPTABLE, BridgeError.NOT_ACCEPTABLE.message(), Map.of());
            return;
        }
        String type = request.getServletPath().substring(PREFIX.length());
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (path.equals("/")) {
            search(request, response, type);
        } else {
            read(request, response, type, path.substring(1));
        }
    }

    private void read(HttpServletRequest request, HttpServletResponse response, String type, String id)
            throws IOException {
        if (!ID.matcher(id).matches()) {
            responder.write(
                    request,
                    response,
                    BridgeError.INTERACTION_UNSUPPORTED,
                    "Only read (" + type + "/<id>) and search by url are served.",
                    Map.of());
            return;
        }
        var found = resources.read(type, id);
        if (found.isEmpty()) {
            responder.write(
                    request, response, BridgeError.NOT_FOUND, type + "/" + id + " is not defined here.", Map.of());
            return;
        }
        write(request, response, found.get());
    }

    private void search(HttpServletRequest request, HttpServletResponse response, String type) throws IOException {
        for (String name : request.getParameterMap().keySet()) {
            if (!SEARCH_PARAMETERS.contains(name)) {
                responder.write(
                        request,
                        response,
                        BridgeError.PARAMETER_UNSUPPORTED,
                        "Definitions are searched by url only.",
                        Map.of());
                return;
            }
        }
        String url = request.getParameter("url");
        String base = request.getRequestURL().toString();
        base = base.substring(0, base.length() - type.length() - 1);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        for (MetadataResource resource : resources.all(type)) {
            if (url == null || url.equals(resource.getUrl())) {
                bundle.addEntry()
                        .setFullUrl(base + "/" + type + "/" + resource.getIdPart())
                        .setResource(resource)
                        .getSearch()
                        .setMode(Bundle.SearchEntryMode.MATCH);
            }
        }
        bundle.setTotal(bundle.getEntry().size());
        write(request, response, bundle);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, IBaseResource resource)
            throws IOException {
        boolean xml = wantsXml(request);
        IParser parser = xml ? context.newXmlParser() : context.newJsonParser();
        parser.setPrettyPrint("true".equals(request.getParameter("_pretty")));
        byte[] body = parser.encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType((xml ? "application/fhir+xml" : "application/fhir+json") + ";charset=UTF-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static boolean wantsXml(HttpServletRequest request) {
        String format = request.getParameter("_format");
        if (format != null) {
            return format.contains("xml");
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("xml") && !accept.contains("json");
    }
}
