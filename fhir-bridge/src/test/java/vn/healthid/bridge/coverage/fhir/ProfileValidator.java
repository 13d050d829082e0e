package vn.healthid.bridge.coverage.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;

/** The HAPI instance validator with the coverage profiles of {@code src/main/resources/coverage/profiles}. */
public final class ProfileValidator {

    static final List<String> PROFILES = List.of(
            "bhyt-coverage",
            "bhyt-eligibility-response",
            "bhyt-encounter",
            "bhyt-five-year-date",
            "bhyt-registered-facility",
            "bhyt-area-code",
            "bhyt-renewed-card",
            "bhyt-at-registered-facility",
            "answer-warning",
            "bhyt-admission-reason");

    private final FhirContext ctx = FhirContext.forR4Cached();
    private final FhirValidator validator;

    public ProfileValidator() {
        var ours = new PrePopulatedValidationSupport(ctx);
        for (var name : PROFILES) {
            ours.addStructureDefinition(load(name));
        }
        var chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(ctx),
                ours,
                new SnapshotGeneratingValidationSupport(ctx),
                new InMemoryTerminologyServerValidationSupport(ctx),
                new CommonCodeSystemsTerminologyService(ctx));
        var module = new FhirInstanceValidator(chain);
        module.setAnyExtensionsAllowed(false);
        validator = ctx.newValidator().registerValidatorModule(module);
    }

    /** Messages of severity error or fatal (empty when the resource conforms). */
    public List<String> errors(IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(SingleValidationMessage::toString)
                .toList();
    }

    public String json(IBaseResource resource) {
        return ctx.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }

    private StructureDefinition load(String name) {
        try (var in = getClass().getResourceAsStream("/coverage/profiles/" + name + ".json")) {
            return ctx.newJsonParser()
                    .parseResource(StructureDefinition.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
