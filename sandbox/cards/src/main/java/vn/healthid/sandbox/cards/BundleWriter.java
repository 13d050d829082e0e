package vn.healthid.sandbox.cards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Map;

/** Writes the chip bundle (docs/chip-bundle.md, format healthid-chip-bundle/1) as a reader would. */
final class BundleWriter {

    static final String FORMAT = "healthid-chip-bundle/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BundleWriter() {}

    static String write(Card card, String nonceBase64Url) {
        byte[] nonce = decodeNonce(nonceBase64Url);
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("format", FORMAT);
        bundle.put("challenge", nonceBase64Url);
        ObjectNode files = bundle.putObject("files");
        Base64.Encoder base64 = Base64.getEncoder();
        for (Map.Entry<String, byte[]> file : card.filesView().entrySet()) {
            files.put(file.getKey(), base64.encodeToString(file.getValue()));
        }
        if (card.aaKey() != AaKey.NONE) {
            bundle.put("aaSignature", base64.encodeToString(card.answerChallenge(AaChallenge.derive(nonce))));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bundle);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the chip bundle", e);
        }
    }

    private static byte[] decodeNonce(String nonceBase64Url) {
        if (nonceBase64Url == null) {
            throw new IllegalArgumentException("the nonce is missing");
        }
        try {
            return Base64.getUrlDecoder().decode(nonceBase64Url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the nonce is not base64url", e);
        }
    }
}
