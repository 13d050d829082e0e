package vn.healthid.sandbox.cards;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Map;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.signers.ISO9796d2Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jmrtd.lds.icao.DG14File;
import org.jmrtd.lds.icao.DG15File;

/** Test-side active-authentication check, as a verifier would do it from DG15 (and DG14 for EC). */
final class AaVerifier {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private AaVerifier() {}

    static boolean verifies(Map<String, byte[]> files, byte[] rndIfd, byte[] signature) throws Exception {
        PublicKey key = new DG15File(new ByteArrayInputStream(files.get("DG15"))).getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
            return verifiesIso9796(rsa, rndIfd, signature);
        }
        String oid = new DG14File(new ByteArrayInputStream(files.get("DG14")))
                .getActiveAuthenticationInfos()
                .get(0)
                .getSignatureAlgorithmOID();
        if (!"0.4.0.127.0.7.1.1.4.1.3".equals(oid)) {
            return false;
        }
        Signature ecdsa = Signature.getInstance("SHA256withPLAIN-ECDSA", BC);
        ecdsa.initVerify(key);
        ecdsa.update(rndIfd);
        return ecdsa.verify(signature);
    }

    /** The ISO/IEC 9796-2 trailer of an RSA AA signature: 0xBC (SHA-1 implicit) or 0x34CC (SHA-256). */
    static int trailer(RSAPublicKey key, byte[] signature) {
        byte[] representative = new BigInteger(1, signature)
                .modPow(key.getPublicExponent(), key.getModulus())
                .toByteArray();
        int last = representative[representative.length - 1] & 0xFF;
        return last == 0xBC ? last : ((representative[representative.length - 2] & 0xFF) << 8) | last;
    }

    private static boolean verifiesIso9796(RSAPublicKey key, byte[] rndIfd, byte[] signature) throws Exception {
        int trailer = trailer(key, signature);
        Digest digest = trailer == 0xBC ? new SHA1Digest() : new SHA256Digest();
        if (trailer != 0xBC && trailer != 0x34CC) {
            return false;
        }
        ISO9796d2Signer verifier = new ISO9796d2Signer(new RSAEngine(), digest, trailer == 0xBC);
        verifier.init(false, PublicKeyFactory.createKey(key.getEncoded()));
        verifier.updateWithRecoveredMessage(signature);
        verifier.update(rndIfd, 0, rndIfd.length);
        return verifier.verifySignature(signature) && !Arrays.equals(verifier.getRecoveredMessage(), rndIfd);
    }
}
