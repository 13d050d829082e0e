package vn.healthid.sandbox.gateway;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides the maKetQua of one card check the way the gateway appears to: input format first (205),
 * then who the number designates (050-053), then name (060/061) and date of birth (070), and
 * finally the person's own card status (000, 001, 003, 010, 110, ...).
 */
final class CardLookup {

    static final Pattern CARD_CODE = Pattern.compile("^[A-Z]{2}[1-5][0-9]{2}[0-9]{10}$");
    private static final Pattern LOOSE_CARD = Pattern.compile("^[A-Z]{2}[0-9]{13}$");
    private static final Pattern BHXH = Pattern.compile("^[0-9]{10}$");
    private static final Pattern CCCD = Pattern.compile("^[0-9]{12}$");
    private static final Pattern FULL_DATE = Pattern.compile("^[0-9]{2}/[0-9]{2}/[0-9]{4}$");
    private static final Pattern YEAR = Pattern.compile("^[0-9]{4}$");

    record Result(String code, String ghiChu, Person person) {}

    private final Population population;

    CardLookup(Population population) {
        this.population = population;
    }

    Result check(String maThe, String hoTen, String ngaySinh) {
        if (maThe == null || hoTen == null || hoTen.isBlank() || ngaySinh == null) {
            return format("maThe, hoTen and ngaySinh are required");
        }
        if (!FULL_DATE.matcher(ngaySinh).matches() && !YEAR.matcher(ngaySinh).matches()) {
            return format("ngaySinh must be dd/MM/yyyy or yyyy");
        }
        var found = find(maThe.trim().toUpperCase(Locale.ROOT));
        if (found.code() != null) {
            return found;
        }
        var person = found.person();
        if (!sameName(person.hoTen(), hoTen)) {
            boolean firstLetter =
                    normalise(person.hoTen()).charAt(0) == normalise(hoTen).charAt(0);
            return firstLetter
                    ? new Result("061", "Họ tên không đúng (đúng ký tự đầu)", null)
                    : new Result("060", "Họ tên không đúng", null);
        }
        boolean dobMatches = ngaySinh.length() == 4
                ? person.ngaySinh().endsWith(ngaySinh)
                : person.ngaySinh().equals(ngaySinh);
        if (!dobMatches) {
            return new Result("070", "Ngày sinh không đúng", null);
        }
        return new Result(person.status(), person.ghiChu(), person);
    }

    /** A result with a null code carries the person the number designates. */
    private Result find(String maThe) {
        if (CCCD.matcher(maThe).matches()) {
            return population.byCccd(maThe).map(CardLookup::designated).orElseGet(CardLookup::notFound);
        }
        if (BHXH.matcher(maThe).matches()) {
            return population.byBhxh(maThe).map(CardLookup::designated).orElseGet(CardLookup::notFound);
        }
        if (!LOOSE_CARD.matcher(maThe).matches()) {
            return format("maThe must be a 15-character card code, a 10-digit BHXH or a 12-digit CCCD number");
        }
        Optional<Person> holder = population.byBhxh(maThe.substring(5));
        if (holder.isEmpty() || holder.get().cardCode().isEmpty()) {
            return notFound();
        }
        var card = holder.get().cardCode();
        if (card.equals(maThe)) {
            return designated(holder.get());
        }
        if (!card.substring(0, 2).equals(maThe.substring(0, 2))) {
            return new Result("051", "Mã thẻ không đúng", null);
        }
        if (card.charAt(2) != maThe.charAt(2)) {
            return new Result("053", "Mã quyền lợi (ký tự thứ 3) không đúng", null);
        }
        return new Result("052", "Mã tỉnh (ký tự thứ 4, 5) không đúng", null);
    }

    private static Result designated(Person p) {
        return new Result(null, null, p);
    }

    private static Result notFound() {
        return new Result("050", "Không tìm thấy thông tin thẻ", null);
    }

    private static Result format(String why) {
        return new Result("205", "Lỗi sai định dạng tham số: " + why, null);
    }

    private static boolean sameName(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    private static String normalise(String name) {
        var nfc = Normalizer.normalize(name.trim(), Normalizer.Form.NFC);
        return nfc.replaceAll("\\s+", " ").toUpperCase(new Locale("vi"));
    }
}
