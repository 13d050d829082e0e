package vn.healthid.bridge.coverage.fhir;

import static vn.healthid.bridge.coverage.fhir.CoverageFhir.*;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import vn.healthid.bridge.coverage.gateway.CardCheckResult;
import vn.healthid.bridge.coverage.gateway.ResultCode;

/** Gateway card-check answer to a FHIR R4 {@code Coverage} (profile {@link CoverageFhir#PROFILE_COVERAGE}). */
public final class CoverageTranslator {

    /** Null when the answer carries no card (errors, a child without a card). */
    public Coverage toFhir(CardCheckResult r, String patientId) {
        var card = r.effectiveCardCode();
        if (card == null) {
            return null;
        }
        var c = new Coverage();
        c.getMeta().addProfile(PROFILE_COVERAGE);
        c.setStatus(r.code().meaning().inforce() ? Coverage.CoverageStatus.ACTIVE : Coverage.CoverageStatus.CANCELLED);
        c.addIdentifier(new Identifier().setSystem(BHYT_CARD).setValue(card));
        var bhxh = r.maSoBhxh() != null ? r.maSoBhxh() : card.substring(5);
        c.addIdentifier(new Identifier().setSystem(BHXH).setValue(bhxh));
        c.setSubscriberId(card);
        c.setBeneficiary(new Reference("Patient/" + patientId));
        c.addPayor(vss());
        var renewed = r.code() == ResultCode.RENEWED_OLD_EXPIRED && r.renewal() != null;
        c.setPeriod(period(
                renewed ? r.renewal().gtTheTuMoi() : r.gtTheTu(),
                renewed ? r.renewal().gtTheDenMoi() : r.gtTheDen()));
        c.addClass_(new Coverage.ClassComponent(
                        new CodeableConcept().addCoding(new Coding(HL7_COVERAGE_CLASS, "plan", "Plan")),
                        new StringType(card.substring(2, 3)))
                .setName("Mức hưởng / benefit level " + card.charAt(2)));
        c.addClass_(new Coverage.ClassComponent(
                        new CodeableConcept().addCoding(new Coding(HL7_COVERAGE_CLASS, "group", "Group")),
                        new StringType(card.substring(0, 2)))
                .setName("Đối tượng / beneficiary group " + card.substring(0, 2)));
        var facility = r.effectiveFacility();
        if (facility != null) {
            c.addExtension(new Extension(EXT_REGISTERED_FACILITY, facilityRef(facility)));
        }
        if (r.ngayDu5Nam() != null) {
            c.addExtension(new Extension(
                    EXT_FIVE_YEAR_DATE, new DateType(r.ngayDu5Nam().toString())));
        }
        if (r.maKv() != null) {
            c.addExtension(new Extension(EXT_AREA_CODE, new StringType(r.maKv())));
        }
        if (r.renewal() != null && !renewed) {
            c.addExtension(renewal(r.renewal()));
        }
        return c;
    }

    /** Code 004: the old card still applies and the new one is reported alongside. */
    private Extension renewal(CardCheckResult.Renewal n) {
        var ext = new Extension(EXT_RENEWED_CARD);
        ext.addExtension("cardCode", new Identifier().setSystem(BHYT_CARD).setValue(n.maTheMoi()));
        if (n.gtTheTuMoi() != null || n.gtTheDenMoi() != null) {
            ext.addExtension("period", period(n.gtTheTuMoi(), n.gtTheDenMoi()));
        }
        if (n.maDkbdMoi() != null) {
            ext.addExtension("registeredFacility", facilityRef(n.maDkbdMoi()));
        }
        return ext;
    }

    static Reference vss() {
        return new Reference()
                .setIdentifier(new Identifier().setSystem(PAYOR).setValue(VSS_CODE))
                .setDisplay(VSS_NAME)
                .setType("Organization");
    }

    static Reference facilityRef(String code) {
        return new Reference()
                .setIdentifier(new Identifier().setSystem(BHYT_FACILITY).setValue(code))
                .setType("Organization");
    }

    static Period period(LocalDate from, LocalDate to) {
        var p = new Period();
        if (from != null) {
            p.setStartElement(new DateTimeType(from.toString()));
        }
        if (to != null) {
            p.setEndElement(new DateTimeType(to.toString()));
        }
        return p;
    }
}
