package vn.healthid.identity.keycloak.vneid.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import vn.healthid.identity.keycloak.vneid.wire.VneidWireException.Reason;

/**
 * Opens a VNeID {@code {"data": ..., "key": ...}} envelope with the relying party's RSA private key: unwrap the AES
 * content key (RSA-OAEP), then decrypt {@code data}. The plaintext must be a JSON object. No I/O, no Keycloak.
 */
public final class EnvelopeDecryptor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GCM_TAG_BITS = 128;

    private final PrivateKey relyingPartyKey;
    private final EnvelopeSpec spec;

    public EnvelopeDecryptor(PrivateKey relyingPartyKey, EnvelopeSpec spec) {
        this.relyingPartyKey = relyingPartyKey;
        this.spec = spec;
    }

    /** The decrypted JSON object of an envelope given as the raw response body. */
    public JsonNode open(String body) throws VneidWireException {
        if (body == null || body.getBytes(StandardCharsets.UTF_8).length > spec.maxBytes()) {
            throw new VneidWireException(Reason.PAYLOAD_TOO_LARGE, "limit " + spec.maxBytes() + " bytes");
        }
        JsonNode envelope = parseObject(body, Reason.ENVELOPE_MALFORMED);
        byte[] data = base64Field(envelope, "data");
        byte[] wrappedKey = base64Field(envelope, "key");
        byte[] plain = decrypt(unwrap(wrappedKey), data);
        return parseObject(new String(plain, StandardCharsets.UTF_8), Reason.PAYLOAD_NOT_JSON);
    }

    private SecretKeySpec unwrap(byte[] wrapped) throws VneidWireException {
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.DECRYPT_MODE, relyingPartyKey, spec.oaep().spec());
            byte[] key = rsa.doFinal(wrapped);
            if (key.length != 16 && key.length != 24 && key.length != 32) {
                throw new VneidWireException(Reason.KEY_UNWRAP_FAILED, "content key of " + key.length + " bytes");
            }
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new VneidWireException(Reason.KEY_UNWRAP_FAILED, "RSA-OAEP unwrap failed", e);
        }
    }

    private byte[] decrypt(SecretKeySpec key, byte[] data) throws VneidWireException {
        ContentCipher cipherSpec = spec.cipher();
        int iv = cipherSpec.ivLength();
        if (data.length <= iv) {
            throw new VneidWireException(Reason.ENVELOPE_MALFORMED, "data shorter than its IV");
        }
        try {
            Cipher cipher = Cipher.getInstance(cipherSpec.transformation());
            if (cipherSpec == ContentCipher.AES_GCM) {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(GCM_TAG_BITS, data, 0, iv));
            } else {
                cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(Arrays.copyOf(data, iv)));
            }
            return cipher.doFinal(data, iv, data.length - iv);
        } catch (GeneralSecurityException e) {
            // AEADBadTagException for GCM, BadPaddingException for CBC: both mean the payload is not what was sent.
            throw new VneidWireException(Reason.PAYLOAD_TAMPERED, "content does not decrypt", e);
        }
    }

    private static byte[] base64Field(JsonNode envelope, String name) throws VneidWireException {
        JsonNode field = envelope.get(name);
        if (field == null || !field.isTextual() || field.asText().isBlank()) {
            throw new VneidWireException(Reason.ENVELOPE_MALFORMED, "no " + name + " field");
        }
        try {
            return Base64Text.decode(field.asText());
        } catch (IllegalArgumentException e) {
            throw new VneidWireException(Reason.ENVELOPE_MALFORMED, name + " is not base64", e);
        }
    }

    private static JsonNode parseObject(String text, Reason reason) throws VneidWireException {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new VneidWireException(reason, "not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new VneidWireException(reason, "not JSON", e);
        }
    }

    /** Standard or URL-safe alphabet, padding optional: which one VNeID uses is UNVERIFIED. */
    static final class Base64Text {
        private Base64Text() {}

        static byte[] decode(String text) {
            String compact = text.strip();
            boolean urlSafe = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0;
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(compact);
        }
    }
}
