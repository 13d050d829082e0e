package vn.healthid.bridge.coverage.history;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.healthid.bridge.coverage.access.CoverageAccess;
import vn.healthid.bridge.coverage.access.Lookup;
import vn.healthid.bridge.coverage.error.CoverageError;
import vn.healthid.bridge.coverage.fhir.EncounterTranslator;
import vn.healthid.bridge.coverage.fhir.Outcomes;
import vn.healthid.bridge.coverage.gateway.GatewayClient;
import vn.healthid.bridge.coverage.gateway.GatewayException;
import vn.healthid.bridge.coverage.gateway.HistoryParser;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.security.Caller;
import vn.healthid.bridge.smart.Interaction;

/**
 * The person's BHYT treatment history ({@code Lskcb2025}) as a {@code collection} Bundle of
 * Encounters: the coverage access rules (with the Encounter scope), one gateway call behind the
 * coverage circuit breaker, the translation. Nothing is cached: the history is asked for rarely and
 * must be current.
 */
public final class TreatmentHistory {

    public static final String OPERATION = "$bhyt-history";

    /** HL7 v3 ActReason "treatment": the purpose a clinic's consent must grant for the history. */
    public static final String CONSENT_PURPOSE = "TREAT";

    /**
     * SMART scopes name no operations, and the history is a listing of the person's Encounters, so it
     * needs what {@code GET Encounter?patient=} would: a search of Encounters (v1 {@code .read}).
     */
    static final CoverageAccess.Need HISTORY_SCOPE =
            new CoverageAccess.Need("Encounter", Map.of("Encounter", Set.of(Interaction.SEARCH)));

    private static final Set<String> FORMAT_PARAMETERS = Set.of("_format", "_pretty");
    private static final Logger LOG = LoggerFactory.getLogger(TreatmentHistory.class);

    private final CoverageAccess access;
    private final GatewayClient gateway;
    private final CircuitBreaker breaker;
    private final EncounterTranslator translator;
    private final Clock clock;

    public TreatmentHistory(
            CoverageAccess access,
            GatewayClient gateway,
            CircuitBreaker breaker,
            EncounterTranslator translator,
            Clock clock) {
        // Diagnoses: a clinic without the chip-present token needs the citizen's consent for treatment.
        this.access = access.requiring(HISTORY_SCOPE, CONSENT_PURPOSE);
        this.gateway = gateway;
        this.breaker = breaker;
        this.translator = translator;
        this.clock = clock;
    }

    /**
     * The history, refused when the request has any parameter beyond the response format ({@code
     * queryParameters}) or a {@code Parameters} body with parameters: the gateway has no filters.
     */
    public Bundle of(Caller caller, String patientId, Set<String> queryParameters, boolean bodyParameters) {
        if (bodyParameters || !FORMAT_PARAMETERS.containsAll(queryParameters)) {
            throw new BridgeFhirException(
                    CoverageError.COVERAGE_PARAMETER_UNSUPPORTED, OPERATION + " takes no parameters");
        }
        Lookup subject = access.decide(caller, patientId);
        var history = fetch(subject);
        if (!history.code().meaning().complete()) {
            // Lookup masks the identity number; the code tells operators whether the gateway or the card failed.
            LOG.info(
                    "no treatment history for {}: gateway code {}",
                    subject,
                    history.code().code());
            throw Outcomes.noUsableCard(history.code());
        }
        var bundle = new Bundle().setType(Bundle.BundleType.COLLECTION).setTimestamp(Date.from(clock.instant()));
        // Not stored nor readable by id here: each entry is named by a fresh urn:uuid (the record number is the
        // Encounter's stable identifier).
        translator
                .toFhir(history.visits(), subject.patientId())
                .forEach(e -> bundle.addEntry()
                        .setFullUrl("urn:uuid:" + UUID.randomUUID())
                        .setResource(e));
        return bundle;
    }

    private HistoryParser.History fetch(Lookup subject) {
        try {
            return breaker.executeSupplier(() -> gateway.history(subject.query(), subject.staff()));
        } catch (GatewayException e) {
            throw Outcomes.unavailable(e.kind() == GatewayException.Kind.TIMEOUT);
        } catch (CallNotPermittedException e) {
            throw Outcomes.unavailable(false);
        }
    }
}
