package vn.healthid.bridge.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import vn.healthid.bridge.testsupport.FhirValidation;

/**
 * {@code ValidateAnswers <file or directory>...}: validates FHIR answers collected from a running
 * bridge (JSON or XML files, e.g. by the conformance suite) with HAPI's validator loaded with the
 * project's package, exactly as the bridge's own tests do. Prints each error with its file; exits
 * 1 when there is any, 2 when nothing was validated. Run by {@code .ci/fhirsem-validate-answers.sh}.
 */
public final class ValidateAnswers {

    private ValidateAnswers() {}

    public static void main(String[] args) throws IOException {
        FhirContext fhir = FhirContext.forR4Cached();
        int files = 0;
        int failed = 0;
        for (String arg : args) {
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(Path.of(arg))) {
                paths = walk.filter(Files::isRegularFile)
                        .filter(p ->
                                p.toString().endsWith(".json") || p.toString().endsWith(".xml"))
                        .sorted()
                        .toList();
            }
            for (Path path : paths) {
                files++;
                String text = Files.readString(path, StandardCharsets.UTF_8);
                List<String> errors;
                try {
                    var parser = path.toString().endsWith(".xml") ? fhir.newXmlParser() : fhir.newJsonParser();
                    errors = FhirValidation.errors(parser.parseResource(text));
                } catch (DataFormatException e) {
                    errors = List.of("not FHIR: " + e.getMessage());
                }
                if (!errors.isEmpty()) {
                    failed++;
                    errors.forEach(error -> System.out.println(path + ": " + error));
                }
            }
        }
        System.out.println("validated " + files + " answer(s) against R4 core and the healthid package: " + failed
                + " with errors");
        System.exit(files == 0 ? 2 : failed == 0 ? 0 : 1);
    }
}
