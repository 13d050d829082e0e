package vn.healthid.sandbox.cards;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;

/** BAD_SOD_SIGNATURE: flips one bit of the SignerInfo's signature; content, hashes and certificate stay intact. */
final class SodCorruption {

    private SodCorruption() {}

    static byte[] corruptSignature(byte[] sod) {
        try {
            ASN1TaggedObject wrapper = ASN1TaggedObject.getInstance(sod);
            ContentInfo contentInfo = ContentInfo.getInstance(wrapper.getExplicitBaseObject());
            SignedData signedData = SignedData.getInstance(contentInfo.getContent());
            SignerInfo signer =
                    SignerInfo.getInstance(signedData.getSignerInfos().getObjectAt(0));
            byte[] signature = signer.getEncryptedDigest().getOctets();
            signature[signature.length - 1] ^= 0x01;
            SignerInfo corrupted = new SignerInfo(
                    signer.getSID(),
                    signer.getDigestAlgorithm(),
                    signer.getAuthenticatedAttributes(),
                    signer.getDigestEncryptionAlgorithm(),
                    new DEROctetString(signature),
                    signer.getUnauthenticatedAttributes());
            SignedData changed = new SignedData(
                    signedData.getDigestAlgorithms(),
                    signedData.getEncapContentInfo(),
                    signedData.getCertificates(),
                    signedData.getCRLs(),
                    new DERSet(corrupted));
            ContentInfo rebuilt = new ContentInfo(contentInfo.getContentType(), changed);
            return new DERTaggedObject(true, BERTags.APPLICATION, wrapper.getTagNo(), rebuilt)
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot rewrite the SOD", e);
        }
    }
}
