package vn.healthid.sandbox.cards;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.signers.ISO9796d2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * What the chip does in active authentication (ICAO 9303-11 section 6.1) over the 8-byte RND.IFD.
 * RSA: ISO/IEC 9796-2 scheme 1 over M = M1 || RND.IFD, M1 a fresh nonce filling the recoverable
 * part, so the signature has partial recovery (header 6A) as real chips produce; trailer BC
 * (SHA-1, implicit) or 34CC (SHA-256, explicit). EC: plain r || s ECDSA with SHA-256 over RND.IFD.
 */
final class AaSigner {

    private static final SecureRandom NONCES = new SecureRandom();

    private AaSigner() {}

    static byte[] sign(AaKey type, PrivateKey key, byte[] rndIfd) {
        if (rndIfd == null || rndIfd.length != 8) {
            throw new IllegalArgumentException("RND.IFD must be exactly 8 bytes");
        }
        try {
            return switch (type) {
                case NONE -> throw new IllegalStateException("this card has no active-authentication key");
                case RSA_1024_SHA1 -> iso9796(new SHA1Digest(), true, (RSAPrivateKey) key, rndIfd);
                case RSA_2048_SHA256 -> iso9796(new SHA256Digest(), false, (RSAPrivateKey) key, rndIfd);
                case EC_P256_SHA256 -> plainEcdsa(key, rndIfd);
            };
        } catch (GeneralSecurityException | CryptoException | IOException e) {
            throw new IllegalStateException("the chip cannot sign with " + type, e);
        }
    }

    private static byte[] iso9796(Digest digest, boolean implicitTrailer, RSAPrivateKey key, byte[] rndIfd)
            throws IOException, CryptoException {
        ISO9796d2Signer signer = new ISO9796d2Signer(new RSABlindedEngine(), digest, implicitTrailer);
        signer.init(true, PrivateKeyFactory.createKey(key.getEncoded()));
        int trailerBits = implicitTrailer ? 8 : 16;
        int keyBits = key.getModulus().bitLength();
        byte[] m1 = new byte[(keyBits - digest.getDigestSize() * 8 - trailerBits - 8) / 8];
        NONCES.nextBytes(m1);
        signer.update(m1, 0, m1.length);
        signer.update(rndIfd, 0, rndIfd.length);
        return signer.generateSignature();
    }

    private static byte[] plainEcdsa(PrivateKey key, byte[] rndIfd) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withPLAIN-ECDSA", BouncyCastle.provider());
        signature.initSign(key);
        signature.update(rndIfd);
        return signature.sign();
    }
}
