package vn.healthid.identity;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** No package cycle: a cycle means two features can no longer be read, tested or changed apart. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.healthid.identity");

    @Test
    void noTwoPackagesDependOnEachOtherEvenThroughOthers() {
        slices().matching("vn.healthid.identity.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
