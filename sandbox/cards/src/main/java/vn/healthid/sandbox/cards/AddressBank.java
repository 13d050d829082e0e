package vn.healthid.sandbox.cards;

import java.util.List;
import java.util.Random;

/** Synthetic addresses and the other free-text DG13 fields. */
final class AddressBank {

    private static final List<String> STREETS = List.of(
            "Lê Lợi",
            "Trần Hưng Đạo",
            "Nguyễn Trãi",
            "Hai Bà Trưng",
            "Lý Thường Kiệt",
            "Phan Chu Trinh",
            "Hùng Vương",
            "Quang Trung",
            "Nguyễn Huệ",
            "Điện Biên Phủ");
    private static final List<String> COMMUNES = List.of(
            "Phường Tân Định",
            "Phường An Phú",
            "Phường Hòa Bình",
            "Xã Tân Phú",
            "Xã An Bình",
            "Xã Hưng Đạo",
            "Phường Trung Hòa",
            "Xã Phước Long",
            "Phường Bình Minh",
            "Xã Thạch Hà");
    private static final List<String> ETHNICITIES =
            List.of("Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng");
    private static final List<String> RELIGIONS =
            List.of("Không", "Không", "Không", "Không", "Phật giáo", "Công giáo", "Cao Đài");
    private static final List<String> FEATURES = List.of(
            "Nốt ruồi C:1cm trên trước đầu lông mày phải",
            "Sẹo chấm C:2cm dưới sau cánh mũi trái",
            "Nốt ruồi C:1,5cm dưới trước mép phải",
            "Sẹo chấm C:1cm trên sau đuôi mắt trái");

    private AddressBank() {}

    static String residence(ProvinceCodes.Province province, Random random) {
        return "Số " + (1 + random.nextInt(300)) + " " + pick(STREETS, random) + ", " + pick(COMMUNES, random) + ", "
                + province.name();
    }

    static String origin(ProvinceCodes.Province province, Random random) {
        return pick(COMMUNES, random) + ", " + province.name();
    }

    static String ethnicity(Random random) {
        return pick(ETHNICITIES, random);
    }

    static String religion(Random random) {
        return pick(RELIGIONS, random);
    }

    static String identifyingFeatures(Random random) {
        return pick(FEATURES, random);
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
