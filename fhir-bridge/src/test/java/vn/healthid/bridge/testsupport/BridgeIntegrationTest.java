package vn.healthid.bridge.testsupport;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.healthid.bridge.audit.PurposeOfUse;
import vn.healthid.bridge.consent.ConsentCodes;

/**
 * Base of the tests that run the whole bridge on a random port, with tokens signed by {@link
 * TestIssuer}'s keys and checked against its JWKS over HTTP (no Keycloak, no mocked decoder), the
 * in-memory store, and a test Observation provider as an example of a plugged-in feature.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestResourcesConfiguration.class)
public abstract class BridgeIntegrationTest {

    protected static final TestIssuer ISSUER = TestIssuer.shared();
    protected static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("healthid.security.issuer", ISSUER::issuer);
        // the suite rotates keys and sends unknown kids back to back; the limit has its own test
        registry.add("healthid.security.jwks-refetch-min-interval", () -> "0s");
    }

    protected String base() {
        return "http://127.0.0.1:" + port + "/fhir";
    }

    /** HAPI's generic client with the token as bearer (null: no Authorization header). */
    protected IGenericClient client(String token) {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = FHIR.newRestfulGenericClient(base());
        if (token != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        }
        return client;
    }

    /** A raw request to a path under the server root, e.g. {@code /fhir/metadata}. */
    protected HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    /**
     * The citizen of {@code citizenToken} (which needs {@code patient/Consent.c}) grants {@code clientId} access
     * for {@code purpose} (a v3 ActReason code) for thirty days, as the citizen app does.
     */
    protected void grantConsent(String citizenToken, String clientId, String purpose) {
        Instant now = Instant.now();
        Consent consent = new Consent();
        consent.setStatus(Consent.ConsentState.ACTIVE);
        consent.getProvision()
                .getPeriod()
                .setStart(Date.from(now.minusSeconds(60)))
                .setEnd(Date.from(now.plus(Duration.ofDays(30))));
        consent.getProvision()
                .addActor()
                .setReference(new Reference()
                        .setIdentifier(new Identifier()
                                .setSystem(ConsentCodes.CLIENT_ID_SYSTEM)
                                .setValue(clientId)));
        consent.getProvision().addPurpose(new Coding(PurposeOfUse.SYSTEM, purpose, null));
        HttpResponse<String> created = send(request("/fhir/Consent", citizenToken)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(consent))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("consent not granted: " + created.body());
        }
    }

    /** Parses an OperationOutcome body and returns its stable code. */
    protected static String errorCode(HttpResponse<String> response) {
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
        FhirValidation.assertValid(outcome);
        return outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode();
    }
}
