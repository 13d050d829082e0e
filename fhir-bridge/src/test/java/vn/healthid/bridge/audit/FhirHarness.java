package vn.healthid.bridge.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletConfig;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.healthid.bridge.fhir.BridgeRestfulServer;
import vn.healthid.bridge.fhir.CapabilityStatementCustomizer;
import vn.healthid.bridge.fhir.ConformanceResources;
import vn.healthid.bridge.fhir.ExceptionOutcomeInterceptor;
import vn.healthid.bridge.patient.PatientRegistry;
import vn.healthid.bridge.patient.PatientResourceProvider;
import vn.healthid.bridge.patient.PatientService;
import vn.healthid.bridge.patient.PatientTranslator;
import vn.healthid.bridge.security.AccessResolver;
import vn.healthid.bridge.security.SmartAuthorizationInterceptor;
import vn.healthid.bridge.smart.AuthorizationEndpoints;
import vn.healthid.bridge.store.DocumentStore;
import vn.healthid.bridge.store.EventStream;
import vn.healthid.bridge.store.memory.MemoryDocumentStore;

/**
 * The bridge's HAPI server as {@code FhirServerConfiguration} assembles it (SMART authorization,
 * error normaliser) plus the audit interceptor, driven through the real servlet with mock HTTP
 * requests, behind the request guard. The caller's verified token is put where Spring Security puts
 * it.
 */
public final class FhirHarness {

    public static final FhirContext FHIR = FhirContext.forR4Cached();

    public record Response(int status, String body) {
        public IBaseResource resource() {
            return FHIR.newJsonParser().parseResource(body);
        }
    }

    private final BridgeRestfulServer server;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    public FhirHarness(
            EventStream streams,
            DocumentStore documents,
            AuditProperties properties,
            Clock clock,
            List<IResourceProvider> providers)
            throws ServletException {
        AuditTrail trail = new AuditTrail(streams, properties);
        List<IResourceProvider> all = new ArrayList<>(providers);
        all.add(new AuditEventProvider(trail, new AuditEventTranslator(), properties));
        java.util.Set<String> served = new java.util.TreeSet<>();
        all.forEach(p -> served.add(p.getResourceType().getSimpleName()));
        List<Object> interceptors = List.of(
                new vn.healthid.bridge.fhir.RequestGuardInterceptor(served),
                new SmartAuthorizationInterceptor(
                        new AccessResolver(),
                        List.of(new AuditEventRules(), new vn.healthid.bridge.consent.ConsentRules())),
                new ExceptionOutcomeInterceptor(),
                new AuditInterceptor(trail, new PatientsInvolved(FHIR), properties, clock, meters));
        AuthorizationEndpoints endpoints = new AuthorizationEndpoints(
                "http://127.0.0.1:9/realms/health", Duration.ofMinutes(5), Duration.ofMillis(200), clock);
        server = new BridgeRestfulServer(
                FHIR, all, interceptors, new CapabilityStatementCustomizer(endpoints, ConformanceResources.load(FHIR)));
        server.init(new MockServletConfig(new MockServletContext(), "fhir"));
    }

    /** Audit entries the store did not take. */
    public double lostEntries() {
        return meters.counter("healthid.audit.lost").count();
    }

    /** Patients only (in memory), the audit trail on {@code streams}. */
    public static FhirHarness patients(EventStream streams, boolean failClosed, Clock clock) throws Exception {
        MemoryDocumentStore documents = new MemoryDocumentStore(clock);
        PatientTranslator translator = new PatientTranslator(FHIR);
        return new FhirHarness(
                streams,
                documents,
                properties("audit", failClosed),
                clock,
                List.of(new PatientResourceProvider(new PatientService(
                        new PatientRegistry(documents, translator), translator, Tokens.PATIENT_IDS))));
    }

    public static AuditProperties properties(String stream, boolean failClosed) {
        return new AuditProperties(failClosed, stream, "X-Purpose-Of-Use", 20, 100, 5000);
    }

    public Response call(String method, String pathAndQuery, Jwt token, String body, Map<String, String> headers) {
        MockHttpServletRequest request =
                new MockHttpServletRequest(method, "/fhir" + pathAndQuery.split("\\?")[0]);
        request.setServletPath("/fhir");
        request.setPathInfo(pathAndQuery.split("\\?")[0]);
        if (pathAndQuery.contains("?")) {
            String query = pathAndQuery.substring(pathAndQuery.indexOf('?') + 1);
            request.setQueryString(query);
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                request.addParameter(
                        parts[0], parts.length > 1 ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        request.addHeader("Accept", "application/fhir+json");
        headers.forEach(request::addHeader);
        if (body != null) {
            request.setContentType("application/fhir+json");
            request.setContent(body.getBytes(StandardCharsets.UTF_8));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        SecurityContextHolder.getContext()
                .setAuthentication(token == null ? null : vn.healthid.bridge.testsupport.Callers.authenticate(token));
        try {
            server.service(request, response);
            Response answer = new Response(response.getStatus(), response.getContentAsString(StandardCharsets.UTF_8));
            if (!answer.body().isEmpty()) {
                // every answer, against core and the project's package
                vn.healthid.bridge.testsupport.FhirValidation.assertValid(answer.resource());
            }
            if (answer.status() == 200 && pathAndQuery.startsWith("/AuditEvent")) {
                assertEveryAuditEventValid(answer);
            }
            return answer;
        } catch (ServletException | IOException e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Every AuditEvent the bridge serves validates (R4 core profile) and has only well-formed references. */
    private static void assertEveryAuditEventValid(Response answer) {
        if (answer.resource() instanceof org.hl7.fhir.r4.model.Bundle bundle) {
            for (org.hl7.fhir.r4.model.Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() instanceof org.hl7.fhir.r4.model.AuditEvent event) {
                    vn.healthid.bridge.testsupport.FhirValidation.assertValid(event);
                    vn.healthid.bridge.testsupport.FhirValidation.assertReferencesWellFormed(event);
                }
            }
        }
    }

    public Response get(String pathAndQuery, Jwt token) {
        return call("GET", pathAndQuery, token, null, Map.of());
    }
}
