package vn.healthid.identity.chip;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * DG15 (tag 6F, a SubjectPublicKeyInfo: RSA or EC, explicit EC parameters included) and DG14's
 * ActiveAuthenticationInfo (tag 6E, OID 2.23.136.1.1.5), which names the ECDSA algorithm for EC keys.
 */
final class ActiveAuthenticationKey {

    private static final int DG15_TAG = 0x6F;
    private static final int DG14_TAG = 0x6E;
    private static final int SEQUENCE = 0x30;
    private static final ASN1ObjectIdentifier ACTIVE_AUTHENTICATION_INFO = new ASN1ObjectIdentifier("2.23.136.1.1.5");

    private ActiveAuthenticationKey() {}

    static PublicKey fromDg15(byte[] file) throws MalformedException {
        byte[] spki = Tlv.whole(file, DG15_TAG, ReasonCode.DATA_GROUP_MALFORMED).value();
        Tlv.whole(spki, SEQUENCE, ReasonCode.DATA_GROUP_MALFORMED);
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(spki));
            ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
            String keyAlgorithm;
            if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
                keyAlgorithm = "RSA";
                byte[] rsaKey = info.getPublicKeyData().getOctets();
                Tlv.whole(rsaKey, SEQUENCE, ReasonCode.DATA_GROUP_MALFORMED);
            } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
                keyAlgorithm = "EC";
            } else {
                throw new MalformedException(ReasonCode.AA_ALGORITHM_UNKNOWN, "DG15 key algorithm " + algorithm);
            }
            return KeyFactory.getInstance(keyAlgorithm, BouncyCastle.PROVIDER)
                    .generatePublic(new X509EncodedKeySpec(spki));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new MalformedException(ReasonCode.DATA_GROUP_MALFORMED, "DG15 key unreadable");
        }
    }

    /** The signature OID of DG14's ActiveAuthenticationInfo, if DG14 has one. */
    static Optional<ASN1ObjectIdentifier> algorithmFromDg14(byte[] file) throws MalformedException {
        byte[] set = Tlv.whole(file, DG14_TAG, ReasonCode.DATA_GROUP_MALFORMED).value();
        try {
            ASN1ObjectIdentifier found = null;
            for (ASN1Encodable item : ASN1Set.getInstance(ASN1Primitive.fromByteArray(set))) {
                ASN1Sequence info = ASN1Sequence.getInstance(item);
                if (info.size() == 3
                        && ACTIVE_AUTHENTICATION_INFO.equals(info.getObjectAt(0))
                        && ASN1Integer.getInstance(info.getObjectAt(1)).intValueExact() == 1) {
                    if (found != null) {
                        throw new MalformedException(ReasonCode.DATA_GROUP_MALFORMED, "two ActiveAuthenticationInfo");
                    }
                    found = ASN1ObjectIdentifier.getInstance(info.getObjectAt(2));
                }
            }
            return Optional.ofNullable(found);
        } catch (IOException | RuntimeException e) {
            throw new MalformedException(ReasonCode.DATA_GROUP_MALFORMED, "DG14 unreadable");
        }
    }
}
