package vn.healthid.identity.chip;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Null;
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
    private static final int CONSTRUCTED_BIT_STRING = 0x23;
    private static final ASN1ObjectIdentifier ACTIVE_AUTHENTICATION_INFO = new ASN1ObjectIdentifier("2.23.136.1.1.5");

    private ActiveAuthenticationKey() {}

    static PublicKey fromDg15(byte[] file) throws MalformedException {
        byte[] spki = Tlv.whole(file, DG15_TAG, ReasonCode.DATA_GROUP_MALFORMED).value();
        Tlv.whole(spki, SEQUENCE, ReasonCode.DATA_GROUP_MALFORMED);
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(spki));
            // DER (X.509): no constructed BIT STRING, no unused bits, one encoding of every part (docs/cccd-chip.md).
            if (info.getPublicKeyData().getPadBits() != 0 || !Arrays.equals(info.getEncoded(ASN1Encoding.DER), spki)) {
                throw new MalformedException(ReasonCode.AA_KEY_NOT_DER, "DG15 SubjectPublicKeyInfo is not DER");
            }
            ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
            String keyAlgorithm;
            if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
                keyAlgorithm = "RSA";
                // RFC 3279 §2.3.1, RFC 4055 §1.2: rsaEncryption's parameters MUST be present and NULL.
                if (!(info.getAlgorithm().getParameters() instanceof ASN1Null)) {
                    throw new MalformedException(
                            ReasonCode.AA_KEY_PARAMETERS_INVALID, "DG15 rsaEncryption parameters are not NULL");
                }
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

    private static boolean hasConstructedBitString(Tlv element, int depth) throws MalformedException {
        if (element.tag() == CONSTRUCTED_BIT_STRING) {
            return true;
        }
        if (!element.constructed() || depth > Tlv.MAX_DEPTH) {
            return false; // Tlv.whole bounded the nesting already
        }
        for (Tlv child : element.children(ReasonCode.DATA_GROUP_MALFORMED)) {
            if (hasConstructedBitString(child, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** The signature OID of DG14's ActiveAuthenticationInfo, if DG14 has one. */
    static Optional<ASN1ObjectIdentifier> algorithmFromDg14(byte[] file) throws MalformedException {
        Tlv dg14 = Tlv.whole(file, DG14_TAG, ReasonCode.DATA_GROUP_MALFORMED);
        if (hasConstructedBitString(dg14, 0)) {
            // A DER key (chip authentication's SubjectPublicKeyInfo) has a primitive BIT STRING (X.690 §10.2).
            throw new MalformedException(ReasonCode.DG14_KEY_NOT_DER, "DG14 holds a constructed BIT STRING");
        }
        byte[] set = dg14.value();
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
