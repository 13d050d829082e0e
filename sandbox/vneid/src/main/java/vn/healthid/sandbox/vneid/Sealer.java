package vn.healthid.sandbox.vneid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/** Seals a JSON answer for the relying party: a fresh AES-256 key, wrapped with RSA-OAEP under its public key. */
final class Sealer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final WireFormat format;

    Sealer(WireFormat format) {
        this.format = format;
    }

    /** The {@code {"data": ..., "key": ...}} envelope; {@code tamper} flips one ciphertext bit after sealing. */
    String seal(Map<String, ?> payload, PublicKey recipient, boolean tamper) {
        try {
            byte[] plain = JSON.writeValueAsBytes(payload);
            byte[] contentKey = new byte[32];
            random.nextBytes(contentKey);
            boolean gcm = format.cipher().equals("AES_GCM");
            byte[] iv = new byte[gcm ? 12 : 16];
            random.nextBytes(iv);
            Cipher aes = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : "AES/CBC/PKCS5Padding");
            SecretKeySpec key = new SecretKeySpec(contentKey, "AES");
            aes.init(Cipher.ENCRYPT_MODE, key, gcm ? new GCMParameterSpec(128, iv) : new IvParameterSpec(iv));
            byte[] body = aes.doFinal(plain);
            byte[] data = new byte[iv.length + body.length];
            System.arraycopy(iv, 0, data, 0, iv.length);
            System.arraycopy(body, 0, data, iv.length, body.length);
            if (tamper) {
                // Last byte of the second-to-last block: garbles GCM's tag check and CBC's padding alike.
                data[data.length - 17] ^= 0x01;
            }
            Map<String, String> envelope = new LinkedHashMap<>();
            envelope.put("data", Base64.getEncoder().encodeToString(data));
            envelope.put("key", Base64.getEncoder().encodeToString(wrap(contentKey, recipient)));
            return JSON.writeValueAsString(envelope);
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** The authorization code as VNeID sends it: base64url of a sealed {@code {"code": ...}}. */
    String sealCode(String code, PublicKey recipient) {
        String envelope = seal(Map.of("code", code), recipient, false);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(envelope.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] wrap(byte[] contentKey, PublicKey recipient) throws GeneralSecurityException {
        MGF1ParameterSpec mgf = format.oaepDigest().equals("SHA-1") ? MGF1ParameterSpec.SHA1 : MGF1ParameterSpec.SHA256;
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(
                Cipher.ENCRYPT_MODE,
                recipient,
                new OAEPParameterSpec(format.oaepDigest(), "MGF1", mgf, PSource.PSpecified.DEFAULT));
        return rsa.doFinal(contentKey);
    }
}
