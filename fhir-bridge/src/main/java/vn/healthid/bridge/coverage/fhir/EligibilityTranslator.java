package vn.healthid.bridge.coverage.fhir;

import static vn.healthid.bridge.coverage.fhir.CoverageFhir.*;

import java.util.Date;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.UnsignedIntType;
import vn.healthid.bridge.coverage.check.CheckOutcome;
import vn.healthid.bridge.coverage.gateway.ResultCode;

/**
 * A card check to a {@code CoverageEligibilityResponse}: outcome and inforce from the code's data,
 * the benefit percent from the level table, whether the asking facility is the registered one, a
 * disposition with the gateway code and its meanings, an error for codes without a usable card.
 */
public final class EligibilityTranslator {

    /** What {@code request} says when the answer is read on its own. */
    static final String REQUEST_DISPLAY = "The CoverageEligibilityRequest sent with this check (not stored)";

    private final CoverageTranslator coverages;
    private final BenefitLevels levels;

    public EligibilityTranslator(CoverageTranslator coverages, BenefitLevels levels) {
        this.coverages = coverages;
        this.levels = levels;
    }

    public CoverageEligibilityResponse toFhir(
            CoverageEligibilityRequest request, CheckOutcome outcome, String patientId, String facility, Date now) {
        var r = outcome.result();
        var meaning = r.code().meaning();
        var res = new CoverageEligibilityResponse();
        res.getMeta().addProfile(PROFILE_ELIGIBILITY_RESPONSE);
        res.setStatus(CoverageEligibilityResponse.EligibilityResponseStatus.ACTIVE);
        request.getPurpose()
                .forEach(p -> res.addPurpose(CoverageEligibilityResponse.EligibilityResponsePurpose.fromCode(
                        p.getValue().toCode())));
        res.setPatient(new Reference("Patient/" + patientId));
        res.setCreated(now);
        res.setInsurer(CoverageTranslator.vss());
        res.setRequestor(request.getProvider());
        res.setRequest(answered(request));
        res.setOutcome(
                meaning.complete() ? Enumerations.RemittanceOutcome.COMPLETE : Enumerations.RemittanceOutcome.ERROR);
        res.setDisposition(r.code().code() + ": " + meaning.vi() + " / " + meaning.en());
        if (!meaning.complete()) {
            res.addError().setCode(resultConcept(r.code()));
        }
        var coverage = coverages.toFhir(r, patientId);
        if (coverage != null && meaning.complete()) {
            coverage.setId("coverage");
            res.addContained(coverage);
            var insurance = res.addInsurance().setCoverage(new Reference("#coverage"));
            insurance.setInforce(meaning.inforce());
            if (coverage.hasPeriod()) {
                insurance.setBenefitPeriod(coverage.getPeriod());
            }
            boolean atRegistered = facility.equals(r.effectiveFacility());
            insurance.addExtension(new Extension(EXT_AT_REGISTERED_FACILITY, new BooleanType(atRegistered)));
            if (meaning.inforce() && wantsBenefits(request)) {
                addBenefits(insurance, r.effectiveCardCode(), atRegistered);
            }
        }
        if (outcome.stale()) {
            markStale(res, outcome);
        }
        return res;
    }

    /**
     * R4 requires {@code request} (1..1). The bridge stores no request, so a reference by id would
     * resolve nowhere, and a contained copy would carry the client's omissions into the answer
     * (clients need not send {@code created}). So: the client's own identifier of the request when
     * it sent one, and in words which request this answers.
     */
    static Reference answered(CoverageEligibilityRequest request) {
        var ref = new Reference().setType("CoverageEligibilityRequest").setDisplay(REQUEST_DISPLAY);
        request.getIdentifier().stream()
                .filter(i -> i.hasSystem() && i.hasValue())
                .findFirst()
                .ifPresent(i -> ref.setIdentifier(i.copy()));
        return ref;
    }

    private void addBenefits(
            CoverageEligibilityResponse.InsuranceComponent insurance, String card, boolean atRegistered) {
        var percent = levels.percentFor(card);
        if (percent.isEmpty()) {
            return;
        }
        var item = insurance.addItem();
        item.setCategory(new CodeableConcept()
                .addCoding(
                        new Coding("http://terminology.hl7.org/CodeSystem/ex-benefitcategory", "1", "Medical Care")));
        item.setNetwork(new CodeableConcept()
                .addCoding(new Coding(
                        HL7_BENEFIT_NETWORK,
                        atRegistered ? "in" : "out",
                        atRegistered ? "In Network" : "Out of Network")));
        item.addBenefit()
                .setType(new CodeableConcept()
                        .addCoding(new Coding(CS_BENEFIT, "paid-percent", "Share paid by BHYT (%)")))
                .setAllowed(new UnsignedIntType(percent.getAsInt()));
        item.addBenefit()
                .setType(new CodeableConcept()
                        .addCoding(new Coding(HL7_BENEFIT_TYPE, "copay-percent", "Copayment Percent")))
                .setAllowed(new UnsignedIntType(100 - percent.getAsInt()));
    }

    private static boolean wantsBenefits(CoverageEligibilityRequest request) {
        return request.getPurpose().stream()
                .anyMatch(p -> p.getValue() == CoverageEligibilityRequest.EligibilityRequestPurpose.BENEFITS);
    }

    public static CodeableConcept resultConcept(ResultCode code) {
        var m = code.meaning();
        return new CodeableConcept()
                .addCoding(new Coding(CS_RESULT, code.code(), m.en()))
                .setText(m.vi() + " / " + m.en());
    }

    /** A stale answer says so twice: a meta tag for machines and a warning OperationOutcome for people. */
    private static void markStale(CoverageEligibilityResponse res, CheckOutcome outcome) {
        res.getMeta().addTag(CS_FRESHNESS, "stale", "Served from cache: the gateway did not answer");
        var warning = new OperationOutcome();
        warning.setId("stale");
        warning.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.WARNING)
                .setCode(OperationOutcome.IssueType.TRANSIENT)
                .setDetails(new CodeableConcept().addCoding(new Coding(CS_FRESHNESS, "stale", "stale answer")))
                .setDiagnostics("COVERAGE_STALE: the insurance gateway did not answer; this answer was fetched at "
                        + outcome.fetchedAt());
        res.addContained(warning);
        res.addExtension(new Extension(EXT_ANSWER_WARNING, new Reference("#stale")));
    }
}
