package vn.healthid.sandbox.cards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic synthetic citizens: the same seed, count and day give the same people. One in
 * ten is over 60 (cards without expiry), one in ten between 14 and 25 (born in the 2000s), the
 * rest 18 to 75; numbers are unique and agree with date of birth and sex.
 */
public final class Population {

    private static final String NATIONALITY = "Việt Nam";

    private Population() {}

    public static List<Citizen> generate(long seed, int count, LocalDate today) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        Random random = new Random(seed);
        List<ProvinceCodes.Province> provinces = ProvinceCodes.all();
        Set<String> numbers = new HashSet<>();
        Set<String> bhxhNumbers = new HashSet<>();
        List<Citizen> citizens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            LocalDate dateOfBirth = today.minusYears(age(i, random)).minusDays(1 + random.nextInt(364));
            ProvinceCodes.Province birthProvince = provinces.get(random.nextInt(provinces.size()));
            String number;
            do {
                number = IdentityNumbers.compose(birthProvince.code(), dateOfBirth, sex, random.nextInt(1_000_000));
            } while (!numbers.add(number));
            String bhxh;
            do {
                bhxh = birthProvince.code().substring(1) + String.format("%08d", random.nextInt(100_000_000));
            } while (!bhxhNumbers.add(bhxh));
            citizens.add(citizen(random, provinces, number, sex, dateOfBirth, birthProvince, bhxh, today));
        }
        return List.copyOf(citizens);
    }

    private static Citizen citizen(
            Random random,
            List<ProvinceCodes.Province> provinces,
            String number,
            Sex sex,
            LocalDate dateOfBirth,
            ProvinceCodes.Province birthProvince,
            String bhxh,
            LocalDate today) {
        String family = NameBank.familyName(random);
        ProvinceCodes.Province home =
                random.nextInt(3) == 0 ? provinces.get(random.nextInt(provinces.size())) : birthProvince;
        LocalDate issue = issueDate(dateOfBirth, today, random.nextInt(1800));
        LocalDate expiry = CardValidity.expiry(dateOfBirth, issue);
        if (expiry != null && !expiry.isAfter(today.plusDays(30))) {
            // That card has run out: the citizen renewed it recently.
            issue = issueDate(dateOfBirth, today, random.nextInt(60));
            expiry = CardValidity.expiry(dateOfBirth, issue);
        }
        int age = dateOfBirth.until(today).getYears();
        boolean married = age >= 25 && random.nextInt(3) > 0;
        Sex spouseSex = sex == Sex.MALE ? Sex.FEMALE : Sex.MALE;
        return new Citizen(
                number,
                NameBank.fullName(family, sex, random),
                dateOfBirth,
                sex,
                NATIONALITY,
                AddressBank.ethnicity(random),
                AddressBank.religion(random),
                AddressBank.origin(birthProvince, random),
                AddressBank.residence(home, random),
                AddressBank.identifyingFeatures(random),
                issue,
                expiry,
                NameBank.fullName(family, Sex.MALE, random),
                NameBank.fullName(NameBank.familyName(random), Sex.FEMALE, random),
                married ? NameBank.fullName(NameBank.familyName(random), spouseSex, random) : null,
                dateOfBirth.getYear() < 2000 && random.nextBoolean() ? oldIdNumber(random) : null,
                bhxh);
    }

    private static int age(int index, Random random) {
        return switch (index % 10) {
            case 0 -> 61 + random.nextInt(25);
            case 1 -> 14 + random.nextInt(11);
            default -> 18 + random.nextInt(58);
        };
    }

    /** {@code daysAgo} before today, but never before the 14th birthday (the first card). */
    private static LocalDate issueDate(LocalDate dateOfBirth, LocalDate today, int daysAgo) {
        LocalDate issue = today.minusDays(1 + daysAgo);
        LocalDate firstCard = dateOfBirth.plusYears(14);
        return issue.isBefore(firstCard) ? firstCard : issue;
    }

    private static String oldIdNumber(Random random) {
        return String.format("%09d", 10_000_000 + random.nextInt(380_000_000));
    }
}
