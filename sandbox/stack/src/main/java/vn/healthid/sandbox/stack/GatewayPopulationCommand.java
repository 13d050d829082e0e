package vn.healthid.sandbox.stack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.Citizen;
import vn.healthid.sandbox.cards.Sex;

/**
 * Writes the gateway stand-in's population for the local stack: its built-in people plus one insurance record per
 * issued sandbox card, so that a card read at reception has coverage to find. Usage: {@code --cards DIR --out FILE}.
 *
 * <p>Card 01 is insured at the sandbox clinic's facility, card 02 at another facility (so the answer says "not the
 * registered facility"), card 03's insurance card is expired; the rest are insured at the clinic.
 */
public final class GatewayPopulationCommand {

    private static final DateTimeFormatter VISIT = DateTimeFormatter.ofPattern("yyyyMMdd");

    static final String CLINIC_FACILITY = "79071";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private GatewayPopulationCommand() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4 || !args[0].equals("--cards") || !args[2].equals("--out")) {
            System.err.println("usage: GatewayPopulationCommand --cards DIR --out FILE");
            System.exit(2);
        }
        ObjectNode population = defaults();
        ArrayNode people = (ArrayNode) population.get("people");
        List<Path> cards;
        try (Stream<Path> files = Files.list(Path.of(args[1]))) {
            cards = files.filter(p -> p.getFileName().toString().matches("\\d+\\.card\\.json"))
                    .sorted()
                    .toList();
        }
        LocalDate today = LocalDate.now();
        for (int i = 0; i < cards.size(); i++) {
            Citizen citizen = Card.fromJson(Files.readString(cards.get(i))).citizen();
            people.add(insured(citizen, i + 1, today));
        }
        Files.writeString(
                Path.of(args[3]), Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(population));
        System.out.println("gateway population: " + people.size() + " people (" + cards.size() + " from cards)");
    }

    static ObjectNode insured(Citizen citizen, int index, LocalDate today) {
        boolean expired = index == 3;
        String facility = index == 2 ? "01024" : CLINIC_FACILITY;
        ObjectNode person = Http.JSON.createObjectNode();
        person.put("key", "card-" + index);
        person.put("status", expired ? "010" : "000");
        person.put("ghiChu", expired ? "Thẻ hết giá trị sử dụng" : "Thẻ còn giá trị sử dụng");
        person.put("cccd", citizen.number());
        person.put("bhxh", citizen.bhxhNumber());
        person.put("cardCode", "HC4" + citizen.number().substring(1, 3) + citizen.bhxhNumber());
        person.put("hoTen", citizen.fullName());
        person.put("ngaySinh", citizen.dateOfBirth().format(DMY));
        person.put("gioiTinh", citizen.sex() == Sex.MALE ? "Nam" : "Nữ");
        person.put("diaChi", citizen.placeOfResidence());
        person.put("maDKBD", facility);
        person.put("maKV", "");
        person.put("gtTheTu", today.withDayOfYear(1).minusYears(expired ? 2 : 0).format(DMY));
        person.put("gtTheDen", (expired ? today.minusMonths(1) : today.plusYears(1)).format(DMY));
        person.put("ngayDu5Nam", today.minusYears(6).format(DMY));
        // One earlier visit at the sandbox clinic, so that the treatment history has something to show.
        person.putArray("history")
                .addObject()
                .put("maHoSo", "HS" + citizen.number().substring(2))
                .put("maCSKCB", CLINIC_FACILITY)
                .put("ngayVao", today.minusMonths(2).format(VISIT) + "0830")
                .put("ngayRa", today.minusMonths(2).format(VISIT) + "1015")
                .put("tenBenh", "Viêm họng cấp")
                .put("tinhTrang", "1")
                .put("kqDieuTri", "1")
                .put("lyDoVV", "1");
        return person;
    }

    private static ObjectNode defaults() throws IOException {
        try (InputStream in = GatewayPopulationCommand.class.getResourceAsStream("/gateway/population.json")) {
            if (in == null) {
                throw new IllegalStateException("the gateway stand-in's population is not on the class path");
            }
            return (ObjectNode) Http.JSON.readTree(in);
        }
    }
}
