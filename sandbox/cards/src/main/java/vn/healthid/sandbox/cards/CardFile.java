package vn.healthid.sandbox.cards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The card file (format healthid-sandbox-card/1): files base64, the chip's AA private key as
 * PKCS#8 base64, the citizen. It holds a private key: sandbox use only.
 */
final class CardFile {

    static final String FORMAT = "healthid-sandbox-card/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CardFile() {}

    static String write(Card card) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("aaKey", card.aaKey().name());
        if (card.chipKey() != null) {
            root.put(
                    "aaPrivateKey",
                    Base64.getEncoder().encodeToString(card.chipKey().getEncoded()));
        }
        ObjectNode files = root.putObject("files");
        card.filesView()
                .forEach((name, bytes) -> files.put(name, Base64.getEncoder().encodeToString(bytes)));
        root.set("citizen", CitizenJson.toJson(card.citizen(), JSON));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the card file", e);
        }
    }

    static Card read(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new IllegalArgumentException("not a " + FORMAT + " card file");
            }
            AaKey aaKey = AaKey.valueOf(root.path("aaKey").asText("NONE"));
            PrivateKey chipKey = aaKey == AaKey.NONE
                    ? null
                    : privateKey(aaKey, root.path("aaPrivateKey").asText());
            Map<String, byte[]> files = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = root.path("files").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> file = fields.next();
                files.put(
                        file.getKey(),
                        Base64.getDecoder().decode(file.getValue().asText()));
            }
            return new Card(CitizenJson.fromJson(root.path("citizen")), files, aaKey, chipKey);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable card file: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(AaKey aaKey, String base64) {
        try {
            return KeyFactory.getInstance(aaKey.keySpec().algorithm(), BouncyCastle.provider())
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the card's AA private key is unreadable", e);
        }
    }
}
