package vn.healthid.sandbox.cards;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.icao.DataGroupHash;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.icao.LDSSecurityObject;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;

/**
 * EF.SOD (tag 77): the LDS security object (one hash per data group) in CMS SignedData signed by
 * a Document Signer, with a signingTime attribute. Built with Bouncy Castle CMS rather than
 * JMRTD's SODFile so the signature algorithm (RSA-PSS included) and signingTime are explicit.
 */
final class SodBuilder {

    private static final int SOD_TAG_NUMBER = 23;

    private final CmsSigner cms;

    SodBuilder(CmsSigner cms) {
        this.cms = cms;
    }

    byte[] build(String digestAlgorithm, SortedMap<Integer, byte[]> dataGroups, DocumentSigner signer, Instant time) {
        MessageDigest digest = digest(digestAlgorithm);
        try {
            DataGroupHash[] hashes = new DataGroupHash[dataGroups.size()];
            int i = 0;
            for (Map.Entry<Integer, byte[]> group : dataGroups.entrySet()) {
                hashes[i++] = new DataGroupHash(group.getKey(), new DEROctetString(digest.digest(group.getValue())));
            }
            AlgorithmIdentifier digestId = new DefaultDigestAlgorithmIdentifierFinder().find(digest.getAlgorithm());
            byte[] content = new LDSSecurityObject(new AlgorithmIdentifier(digestId.getAlgorithm()), hashes)
                    .getEncoded(ASN1Encoding.DER);
            byte[] signedData = cms.sign(
                    ICAOObjectIdentifiers.id_icao_ldsSecurityObject,
                    content,
                    signer.certificate(),
                    signer.privateKey(),
                    time);
            return new DERTaggedObject(
                            true, BERTags.APPLICATION, SOD_TAG_NUMBER, ASN1Primitive.fromByteArray(signedData))
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot build the SOD with " + digestAlgorithm, e);
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("unknown digest algorithm " + algorithm, e);
        }
    }
}
