package vn.healthid.bridge.coverage.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import vn.healthid.bridge.testsupport.FhirValidation;

/**
 * The HAPI instance validator with the project's FHIR package ({@code package.tgz}), for resources
 * a translator makes before any server sees them. Unknown extensions are errors.
 */
public final class ProfileValidator {

    private final FhirContext ctx = FhirContext.forR4Cached();
    private final FhirValidator validator;

    public ProfileValidator() {
        var chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(ctx),
                FhirValidation.projectPackage(ctx),
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
}
