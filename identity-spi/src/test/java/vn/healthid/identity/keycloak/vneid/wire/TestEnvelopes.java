package vn.healthid.identity.keycloak.vneid.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The sending side of the envelope, for tests: what VNeID (or the stand-in) does with the relying party's public key. */
final class TestEnvelopes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestEnvelopes() {}

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    record Sealed(byte[] data, byte[] key) {
        String json() {
            return "{\"data\":\"" + Base64.getEncoder().encodeToString(data) + "\",\"key\":\""
                    + Base64.getEncoder().encodeToString(key) + "\"}";
        }
    }

    static Sealed seal(String plaintext, PublicKey recipient, ContentCipher cipherSpec, OaepDigest oaep) {
        try {
            byte[] contentKey = new byte[32];
            RANDOM.nextBytes(contentKey);
            byte[] iv = new byte[cipherSpec.ivLength()];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(cipherSpec.transformation());
            SecretKeySpec key = new SecretKeySpec(contentKey, "AES");
            if (cipherSpec == ContentCipher.AES_GCM) {
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            } else {
                cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
            }
            byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] data = new byte[iv.length + body.length];
            System.arraycopy(iv, 0, data, 0, iv.length);
            System.arraycopy(body, 0, data, iv.length, body.length);
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, recipient, oaep.spec());
            return new Sealed(data, rsa.doFinal(contentKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String seal(String plaintext, PublicKey recipient) {
        return seal(plaintext, recipient, ContentCipher.AES_GCM, OaepDigest.SHA_256)
                .json();
    }
}
