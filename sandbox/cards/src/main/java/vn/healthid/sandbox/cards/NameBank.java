package vn.healthid.sandbox.cards;

import java.util.List;
import java.util.Random;

/** Synthetic Vietnamese names: family name, middle name, given name, chosen by sex. */
final class NameBank {

    private static final List<String> FAMILY = List.of(
            "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Mai");
    private static final List<String> MIDDLE_MALE = List.of("Văn", "Hữu", "Đức", "Minh", "Quốc", "Công", "Thành");
    private static final List<String> MIDDLE_FEMALE = List.of("Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Thị");
    private static final List<String> GIVEN_MALE = List.of(
            "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quang", "Sơn",
            "Tâm", "Thắng", "Tuấn", "Việt", "Vinh", "Đông");
    private static final List<String> GIVEN_FEMALE = List.of(
            "Anh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngân", "Nhung", "Oanh",
            "Phương", "Quỳnh", "Thảo", "Trang", "Uyên", "Yến");

    private NameBank() {}

    static String familyName(Random random) {
        return pick(FAMILY, random);
    }

    static String fullName(String family, Sex sex, Random random) {
        boolean male = sex == Sex.MALE;
        return family + " " + pick(male ? MIDDLE_MALE : MIDDLE_FEMALE, random) + " "
                + pick(male ? GIVEN_MALE : GIVEN_FEMALE, random);
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
