package vn.healthid.bridge.coverage.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.healthid.bridge.coverage.StandIns.CLERK;
import static vn.healthid.bridge.coverage.StandIns.byCccd;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.healthid.bridge.coverage.StandIns;
import vn.healthid.bridge.coverage.cache.StoredTokenCache;
import vn.healthid.bridge.coverage.check.CheckOutcome;
import vn.healthid.bridge.coverage.gateway.CardQuery;
import vn.healthid.bridge.coverage.gateway.GatewayClient;
import vn.healthid.bridge.store.memory.MemoryTtlCache;
import vn.healthid.sandbox.gateway.GatewayStandIn;

/** Gateway answers (from the stand-in) to FHIR, checked field by field and against the profiles. */
@Tag("conformance")
class EligibilityTranslatorTest {

    static GatewayStandIn gateway;
    static GatewayClient client;
    static ProfileValidator validator;
    final EligibilityTranslator translator = new EligibilityTranslator(new CoverageTranslator(), BenefitLevels.load());

    @BeforeAll
    static void start() {
        gateway = GatewayStandIn.start(0);
        var mapper = new ObjectMapper();
        client = new GatewayClient(
                StandIns.settings(gateway, Duration.ofSeconds(2)),
                new StoredTokenCache(new MemoryTtlCache(Clock.systemUTC()), mapper, StandIns.SEALER),
                mapper,
                Clock.systemUTC());
        validator = new ProfileValidator();
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    static CoverageEligibilityRequest request(String facility) {
        var r = new CoverageEligibilityRequest();
        r.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.VALIDATION);
        r.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.BENEFITS);
        r.setPatient(new Reference("Patient/p123"));
        r.setProvider(new Reference()
                .setIdentifier(
                        new Identifier().setSystem(CoverageFhir.BHYT_FACILITY).setValue(facility)));
        r.addIdentifier().setSystem("urn:clinic:visit").setValue("v1");
        return r;
    }

    CoverageEligibilityResponse answer(CardQuery query, String facility, CheckOutcome.Source source) {
        var result = client.checkCard(query, CLERK);
        return translator.toFhir(
                request(facility), new CheckOutcome(result, Instant.now(), source), "p123", facility, new Date());
    }

    CoverageEligibilityResponse answer(String key, String facility) {
        return answer(byCccd(gateway.population().person(key)), facility, CheckOutcome.Source.GATEWAY);
    }

    static Coverage coverage(CoverageEligibilityResponse r) {
        return (Coverage) r.getContained().stream()
                .filter(c -> c instanceof Coverage)
                .findFirst()
                .orElseThrow();
    }

    static int benefit(CoverageEligibilityResponse r, String code) {
        return r.getInsuranceFirstRep().getItemFirstRep().getBenefit().stream()
                .filter(b -> b.getType().getCodingFirstRep().getCode().equals(code))
                .map(b -> ((UnsignedIntType) b.getAllowed()).getValue())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void validCardAtTheRegisteredFacilityIsInforceInNetworkAt80Percent() {
        var r = answer("valid", "79071");
        assertThat(r.getOutcome()).isEqualTo(RemittanceOutcome.COMPLETE);
        assertThat(r.getDisposition()).isEqualTo("000: Thẻ còn giá trị sử dụng / Card valid");
        var insurance = r.getInsuranceFirstRep();
        assertThat(insurance.getInforce()).isTrue();
        assertThat(insurance
                        .getExtensionByUrl(CoverageFhir.EXT_AT_REGISTERED_FACILITY)
                        .getValue()
                        .primitiveValue())
                .isEqualTo("true");
        assertThat(insurance.getItemFirstRep().getNetwork().getCodingFirstRep().getCode())
                .isEqualTo("in");
        assertThat(benefit(r, "paid-percent")).isEqualTo(80);
        assertThat(benefit(r, "copay-percent")).isEqualTo(20);
        var c = coverage(r);
        assertThat(c.getIdentifier())
                .extracting(Identifier::getSystem, Identifier::getValue)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(CoverageFhir.BHYT_CARD, "DN4797912345601"),
                        org.assertj.core.groups.Tuple.tuple(CoverageFhir.BHXH, "7912345601"));
        assertThat(c.getPeriod().getEndElement().getValueAsString()).isEqualTo("2030-12-31");
        assertThat(c.getExtensionByUrl(CoverageFhir.EXT_FIVE_YEAR_DATE)
                        .getValue()
                        .primitiveValue())
                .isEqualTo("2021-01-01");
        assertThat(c.getPayorFirstRep().getIdentifier().getValue()).isEqualTo(CoverageFhir.VSS_CODE);
        assertThat(c.getClass_()).extracting(cl -> cl.getValue()).containsExactly("4", "DN");
    }

    @Test
    void everyAnswerNamesTheRequestItAnswersWithTheClientsIdentifierWhenItSentOne() {
        var withIdentifier = answer("valid", "79071");
        assertThat(withIdentifier.getRequest().getIdentifier().getValue()).isEqualTo("v1");
        assertThat(withIdentifier.getRequest().getType()).isEqualTo("CoverageEligibilityRequest");
        assertThat(withIdentifier.getRequest().hasReference()).isFalse();

        var bare = request("79071");
        bare.getIdentifier().clear();
        var result = client.checkCard(byCccd(gateway.population().person("valid")), CLERK);
        var r = translator.toFhir(
                bare,
                new CheckOutcome(result, Instant.now(), CheckOutcome.Source.GATEWAY),
                "p123",
                "79071",
                new Date());
        assertThat(r.getRequest().hasDisplay()).isTrue();
        assertThat(r.getRequest().hasIdentifier()).isFalse();
        assertThat(validator.errors(r)).as(validator.json(r)).isEmpty();
    }

    @Test
    void anotherFacilityIsOutOfNetwork() {
        var r = answer("valid", "01001");
        assertThat(r.getInsuranceFirstRep()
                        .getItemFirstRep()
                        .getNetwork()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("out");
    }

    @Test
    void expiredCardIsAnsweredButNotInforce() {
        var r = answer("expired", "79071");
        assertThat(r.getOutcome()).isEqualTo(RemittanceOutcome.COMPLETE);
        assertThat(r.getInsuranceFirstRep().getInforce()).isFalse();
        assertThat(r.getInsuranceFirstRep().getItem()).isEmpty();
    }

    @Test
    void renewedCardAnswersWithTheNewCard() {
        var r = answer("renewed-old-expired", "79024");
        assertThat(r.getInsuranceFirstRep().getInforce()).isTrue();
        assertThat(coverage(r).getSubscriberId()).isEqualTo("HT2797912345604");
        assertThat(benefit(r, "paid-percent")).isEqualTo(100);
        assertThat(r.getInsuranceFirstRep()
                        .getItemFirstRep()
                        .getNetwork()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("in");
    }

    @Test
    void stillValidOldCardReportsTheNewOne() {
        var c = coverage(answer("renewed-old-valid", "79071"));
        assertThat(c.getSubscriberId()).isEqualTo("GD4797912345605");
        var renewal = c.getExtensionByUrl(CoverageFhir.EXT_RENEWED_CARD);
        assertThat(((Identifier) renewal.getExtensionByUrl("cardCode").getValue()).getValue())
                .isEqualTo("DN4797912345605");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "revoked",
                "reduced-moved-out",
                "reduced-moved-within",
                "reduced-reenrolled",
                "reduced-stopped",
                "reduced-other",
                "child-without-card",
                "read-error",
                "server-error"
            })
    void unusableCardsAreErrorsWithTheGatewayCode(String key) {
        var r = answer(key, "79071");
        var status = gateway.population().person(key).status();
        assertThat(r.getOutcome()).isEqualTo(RemittanceOutcome.ERROR);
        assertThat(r.getErrorFirstRep().getCode().getCodingFirstRep().getCode()).isEqualTo(status);
        assertThat(r.getErrorFirstRep().getCode().getCodingFirstRep().getSystem())
                .isEqualTo(CoverageFhir.CS_RESULT);
        assertThat(r.getDisposition()).startsWith(status + ": ");
        assertThat(r.getInsurance()).isEmpty();
    }

    @Test
    void wrongNameIsAnErrorWithCode060() {
        var query = new CardQuery(
                "079090000101",
                "Trần Văn An",
                StandIns.birthDate(gateway.population().person("valid")));
        var r = answer(query, "79071", CheckOutcome.Source.GATEWAY);
        assertThat(r.getOutcome()).isEqualTo(RemittanceOutcome.ERROR);
        assertThat(r.getDisposition()).isEqualTo("060: Họ tên không đúng / Wrong name");
    }

    @Test
    void staleAnswerCarriesAWarning() {
        var r = answer(byCccd(gateway.population().person("valid")), "79071", CheckOutcome.Source.STALE_CACHE);
        assertThat(r.getMeta().getTag(CoverageFhir.CS_FRESHNESS, "stale")).isNotNull();
        var warning = (OperationOutcome) r.getContained().stream()
                .filter(c -> c instanceof OperationOutcome)
                .findFirst()
                .orElseThrow();
        assertThat(warning.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
        assertThat(validator.errors(r)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "valid",
                "army",
                "renewed-old-expired",
                "renewed-old-valid",
                "expired",
                "revoked",
                "child-without-card"
            })
    void answersConformToTheProfiles(String key) {
        var r = answer(key, "79071");
        assertThat(validator.errors(r)).as(validator.json(r)).isEmpty();
        if (!r.getContained().isEmpty()) {
            assertThat(validator.errors(coverage(r))).isEmpty();
        }
    }

    @Test
    void profileRejectsACoverageWithoutCardCodeOrPeriod() {
        var c = coverage(answer("valid", "79071"));
        c.setSubscriberId(null);
        c.setPeriod(null);
        assertThat(validator.errors(c))
                .anyMatch(m -> m.contains("subscriberId"))
                .anyMatch(m -> m.contains("period"));
    }
}
