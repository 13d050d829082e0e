package vn.healthid.sandbox.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/** Citizen <-> JSON object with ISO dates (no jsr310 module needed). */
final class CitizenJson {

    private CitizenJson() {}

    static ObjectNode toJson(Citizen c, ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("number", c.number());
        node.put("fullName", c.fullName());
        node.put("dateOfBirth", c.dateOfBirth().toString());
        node.put("sex", c.sex().name());
        node.put("nationality", c.nationality());
        node.put("ethnicity", c.ethnicity());
        node.put("religion", c.religion());
        node.put("placeOfOrigin", c.placeOfOrigin());
        node.put("placeOfResidence", c.placeOfResidence());
        node.put("identifyingFeatures", c.identifyingFeatures());
        node.put("dateOfIssue", c.dateOfIssue().toString());
        node.put(
                "dateOfExpiry",
                c.dateOfExpiry() == null ? null : c.dateOfExpiry().toString());
        node.put("fatherName", c.fatherName());
        node.put("motherName", c.motherName());
        node.put("spouseName", c.spouseName());
        node.put("oldIdNumber", c.oldIdNumber());
        node.put("bhxhNumber", c.bhxhNumber());
        return node;
    }

    static Citizen fromJson(JsonNode n) {
        return new Citizen(
                text(n, "number"),
                text(n, "fullName"),
                LocalDate.parse(text(n, "dateOfBirth")),
                Sex.valueOf(text(n, "sex")),
                text(n, "nationality"),
                text(n, "ethnicity"),
                text(n, "religion"),
                text(n, "placeOfOrigin"),
                text(n, "placeOfResidence"),
                text(n, "identifyingFeatures"),
                LocalDate.parse(text(n, "dateOfIssue")),
                date(text(n, "dateOfExpiry")),
                text(n, "fatherName"),
                text(n, "motherName"),
                text(n, "spouseName"),
                text(n, "oldIdNumber"),
                text(n, "bhxhNumber"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
