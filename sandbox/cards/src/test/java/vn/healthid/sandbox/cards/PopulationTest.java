package vn.healthid.sandbox.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PopulationTest {

    private final List<Citizen> citizens = Population.generate(Fixtures.SEED, 200, Fixtures.TODAY);

    @Test
    void sameSeedGivesTheSamePeople() {
        assertThat(Population.generate(Fixtures.SEED, 200, Fixtures.TODAY)).isEqualTo(citizens);
        assertThat(Population.generate(Fixtures.SEED + 1, 200, Fixtures.TODAY)).isNotEqualTo(citizens);
    }

    @Test
    void numbersHaveTwelveDigitsAKnownProvinceAndAreUnique() {
        assertThat(citizens).allSatisfy(c -> {
            assertThat(c.number()).matches("\\d{12}");
            assertThat(ProvinceCodes.byCode(c.number().substring(0, 3))).isPresent();
        });
        assertThat(citizens.stream().map(Citizen::number).distinct()).hasSize(citizens.size());
    }

    @Test
    void centurySexAndYearDigitsAgreeWithDateOfBirthAndSex() {
        assertThat(citizens).allSatisfy(c -> {
            int year = c.dateOfBirth().getYear();
            int centurySex = c.number().charAt(3) - '0';
            assertThat(centurySex / 2).isEqualTo(year / 100 - 19);
            assertThat(centurySex % 2 == 1).isEqualTo(c.sex() == Sex.FEMALE);
            assertThat(c.number().substring(4, 6)).isEqualTo(String.format("%02d", year % 100));
        });
    }

    @Test
    void mixesSexesAndCenturies() {
        Set<Sex> sexes = citizens.stream().map(Citizen::sex).collect(Collectors.toSet());
        assertThat(sexes).containsExactlyInAnyOrder(Sex.MALE, Sex.FEMALE);
        assertThat(citizens).anyMatch(c -> c.dateOfBirth().getYear() >= 2000);
        assertThat(citizens).anyMatch(c -> c.dateOfBirth().getYear() < 2000);
    }

    @Test
    void someOverSixtyHoldCardsWithoutExpiry() {
        assertThat(citizens)
                .filteredOn(c -> Period.between(c.dateOfBirth(), Fixtures.TODAY).getYears() > 60)
                .isNotEmpty()
                .anyMatch(c -> c.dateOfExpiry() == null);
    }

    @Test
    void everyCardIsIssuedAfterFourteenAndValidToday() {
        assertThat(citizens).allSatisfy(c -> {
            assertThat(c.dateOfIssue()).isAfterOrEqualTo(c.dateOfBirth().plusYears(14));
            assertThat(c.dateOfIssue()).isBefore(Fixtures.TODAY);
            if (c.dateOfExpiry() != null) {
                assertThat(c.dateOfExpiry()).isAfter(Fixtures.TODAY);
            }
        });
    }

    @Test
    void namesAreVietnameseWithDiacriticsAndBhxhNumbersHaveTenDigits() {
        assertThat(citizens).anyMatch(c -> !c.fullName().equals(MrzBuilder.transliterate(c.fullName())));
        assertThat(citizens).allSatisfy(c -> {
            assertThat(c.fullName().split(" ")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(c.bhxhNumber()).matches("\\d{10}");
            assertThat(c.placeOfResidence()).isNotBlank();
            assertThat(c.fatherName()).startsWith(c.fullName().split(" ")[0]);
        });
    }
}
