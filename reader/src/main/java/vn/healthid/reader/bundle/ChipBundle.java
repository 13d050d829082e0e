package vn.healthid.reader.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import vn.healthid.reader.chip.ChipRead;

/** The chip bundle (docs/chip-bundle.md, format healthid-chip-bundle/1) of one read, as JSON bytes. */
public final class ChipBundle {

    public static final String FORMAT = "healthid-chip-bundle/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChipBundle() {}

    /** {@code challenge} is the nonce exactly as healthid issued it (base64url). */
    public static byte[] json(String challenge, ChipRead read) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("format", FORMAT);
        bundle.put("challenge", challenge);
        ObjectNode files = bundle.putObject("files");
        Base64.Encoder base64 = Base64.getEncoder();
        read.files().forEach((name, bytes) -> files.put(name, base64.encodeToString(bytes)));
        read.aaSignature().ifPresent(signature -> bundle.put("aaSignature", base64.encodeToString(signature)));
        try {
            return JSON.writeValueAsString(bundle).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the chip bundle", e);
        }
    }

    /** The nonce's bytes; IllegalArgumentException when it is not base64url of at least 16 bytes. */
    public static byte[] decodeNonce(String challenge) {
        if (challenge == null || !challenge.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("the nonce must be base64url without padding");
        }
        byte[] nonce = Base64.getUrlDecoder().decode(challenge);
        if (nonce.length < 16) {
            throw new IllegalArgumentException("the nonce must be at least 16 bytes");
        }
        return nonce;
    }
}
