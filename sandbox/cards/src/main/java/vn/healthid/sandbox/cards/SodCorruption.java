package vn.healthid.sandbox.cards;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Rewrites of a built EF.SOD that a forger or a sloppy issuer could make without the DS key: each changes only parts
 * the signature does not cover (SignedData fields outside the signed attributes), so the signature still verifies
 * unless the rewrite is the signature itself. BAD_SOD_SIGNATURE flips one bit of the signature. The SOD-strictness
 * tests build their mutations from these (docs/cccd-chip.md, EF.SOD section). The result is always DER.
 */
public final class SodCorruption {

    private static final int SIGNED_DATA_CERTIFICATES = 0;
    private static final int SIGNED_DATA_CRLS = 1;

    private SodCorruption() {}

    static byte[] corruptSignature(byte[] sod) {
        return withSignerInfo(sod, signer -> {
            byte[] signature = signer.getEncryptedDigest().getOctets();
            signature[signature.length - 1] ^= 0x01;
            return signerInfo(
                    signer,
                    signer.getSID(),
                    signer.getDigestEncryptionAlgorithm(),
                    signature,
                    signer.getUnauthenticatedAttributes());
        });
    }

    /** The SOD's single SignerInfo, to read the values a rewrite starts from. */
    public static SignerInfo signerInfo(byte[] sod) {
        return SignerInfo.getInstance(
                ASN1Set.getInstance(signedData(sod).getObjectAt(signedData(sod).size() - 1))
                        .getObjectAt(0));
    }

    /** Sets (or, with null, removes) the SignerInfo's unsignedAttrs [1]. */
    public static byte[] withUnsignedAttributes(byte[] sod, ASN1Set attributes) {
        return withSignerInfo(
                sod,
                signer -> signerInfo(
                        signer,
                        signer.getSID(),
                        signer.getDigestEncryptionAlgorithm(),
                        signer.getEncryptedDigest().getOctets(),
                        attributes));
    }

    /** Replaces the SignerInfo's sid; the SignerInfo version follows it (1 for issuerAndSerialNumber, 3 for SKI). */
    public static byte[] withSignerIdentifier(byte[] sod, SignerIdentifier sid) {
        return withSignerInfo(
                sod,
                signer -> signerInfo(
                        signer,
                        sid,
                        signer.getDigestEncryptionAlgorithm(),
                        signer.getEncryptedDigest().getOctets(),
                        signer.getUnauthenticatedAttributes()));
    }

    /** Replaces the SignerInfo's signatureAlgorithm (for example its parameters). */
    public static byte[] withSignatureAlgorithm(byte[] sod, AlgorithmIdentifier algorithm) {
        return withSignerInfo(
                sod,
                signer -> signerInfo(
                        signer,
                        signer.getSID(),
                        algorithm,
                        signer.getEncryptedDigest().getOctets(),
                        signer.getUnauthenticatedAttributes()));
    }

    /** Replaces SignedData.digestAlgorithms by these entries (a DER SET: sorted, duplicates kept). */
    public static byte[] withDigestAlgorithms(byte[] sod, ASN1Encodable... entries) {
        return withSignedData(sod, fields -> {
            fields.set(1, new DERSet(entries));
            return fields;
        });
    }

    /** Sets SignedData's crls [1] IMPLICIT to {@code content}'s encoding (a SET of CRLs, or anything at all). */
    public static byte[] withCrls(byte[] sod, ASN1Encodable content) {
        return withSignedData(sod, fields -> {
            fields.removeIf(f -> f instanceof ASN1TaggedObject t && t.getTagNo() == SIGNED_DATA_CRLS);
            fields.add(fields.size() - 1, new DERTaggedObject(false, SIGNED_DATA_CRLS, content));
            return fields;
        });
    }

    /** Removes the certificates [0] field: the SOD no longer carries its Document Signer certificate. */
    public static byte[] withoutCertificates(byte[] sod) {
        return withSignedData(sod, fields -> {
            fields.removeIf(f -> f instanceof ASN1TaggedObject t && t.getTagNo() == SIGNED_DATA_CERTIFICATES);
            return fields;
        });
    }

    private static SignerInfo signerInfo(
            SignerInfo signer,
            SignerIdentifier sid,
            AlgorithmIdentifier algorithm,
            byte[] signature,
            ASN1Set unsigned) {
        return new SignerInfo(
                sid,
                signer.getDigestAlgorithm(),
                signer.getAuthenticatedAttributes(),
                algorithm,
                new DEROctetString(signature),
                unsigned);
    }

    private static byte[] withSignerInfo(byte[] sod, UnaryOperator<SignerInfo> change) {
        return withSignedData(sod, fields -> {
            int last = fields.size() - 1;
            SignerInfo signer =
                    SignerInfo.getInstance(ASN1Set.getInstance(fields.get(last)).getObjectAt(0));
            fields.set(last, new DERSet(change.apply(signer)));
            return fields;
        });
    }

    private static ASN1Sequence signedData(byte[] sod) {
        ASN1TaggedObject wrapper = ASN1TaggedObject.getInstance(sod);
        ContentInfo contentInfo = ContentInfo.getInstance(wrapper.getExplicitBaseObject());
        return ASN1Sequence.getInstance(contentInfo.getContent());
    }

    /** Rebuilds the SOD around SignedData's fields (version, digestAlgorithms, encapContentInfo, [0], [1], signerInfos). */
    private static byte[] withSignedData(byte[] sod, UnaryOperator<List<ASN1Encodable>> change) {
        try {
            ASN1TaggedObject wrapper = ASN1TaggedObject.getInstance(sod);
            ContentInfo contentInfo = ContentInfo.getInstance(wrapper.getExplicitBaseObject());
            List<ASN1Encodable> fields = new ArrayList<>(List.of(signedData(sod).toArray()));
            ASN1Sequence changed = new DERSequence(change.apply(fields).toArray(ASN1Encodable[]::new));
            ContentInfo rebuilt = new ContentInfo(contentInfo.getContentType(), changed);
            return new DERTaggedObject(true, BERTags.APPLICATION, wrapper.getTagNo(), rebuilt)
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot rewrite the SOD", e);
        }
    }
}
