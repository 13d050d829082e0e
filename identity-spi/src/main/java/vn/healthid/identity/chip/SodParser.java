package vn.healthid.identity.chip;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.icao.DataGroupHash;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.icao.LDSSecurityObject;

/**
 * Parses EF.SOD (tag 77, CMS SignedData over an LDS security object), strictly: anything odd is SOD_MALFORMED; the
 * profile rules that leave the SOD usable (digestAlgorithms, crls, unsigned attributes, algorithm parameters) are
 * {@link SodProfile}'s, under SOD_SIGNATURE, so the data-group hashes are still judged (docs/cccd-chip.md). The
 * SignedData skeleton is walked with {@link Tlv} (profiling showed Bouncy Castle's stream parser spending most of
 * the SOD's parse time in the embedded certificate); Bouncy Castle parses only the small parts it must, and each
 * unsigned part must be canonical DER so that no mutation of it goes unnoticed. The DS certificate stays bytes.
 */
final class SodParser {

    private static final int SOD_TAG = 0x77;
    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final int INTEGER = 0x02;
    private static final int OID = 0x06;
    private static final int OCTET_STRING = 0x04;
    private static final int EXPLICIT_0 = 0xA0;
    private static final int CRLS_1 = 0xA1;
    private static final ReasonCode R = ReasonCode.SOD_MALFORMED;

    Sod parse(byte[] file) throws MalformedException {
        Tlv outer = Tlv.whole(file, SOD_TAG, R);
        List<Tlv> contentInfo = only(outer.children(R), SEQUENCE).children(R);
        if (contentInfo.size() != 2
                || !CMSObjectIdentifiers.signedData.equals(oid(contentInfo.get(0)))
                || contentInfo.get(1).tag() != EXPLICIT_0) {
            throw malformed("not a SignedData ContentInfo");
        }
        List<Tlv> signedData = only(contentInfo.get(1).children(R), SEQUENCE).children(R);
        int i = 0;
        Tlv version = next(signedData, i++, INTEGER);
        if (version.valueLength() != 1 || version.source()[version.valueOffset()] != 3) {
            throw malformed("SignedData version is not 3");
        }
        ASN1Set digestAlgorithms = canonical(next(signedData, i++, SET), ASN1Set.class);
        List<Tlv> encapsulated = next(signedData, i++, SEQUENCE).children(R);
        Optional<byte[]> certificate = Optional.empty();
        if (i < signedData.size() && signedData.get(i).tag() == EXPLICIT_0) {
            List<Tlv> certificates = signedData.get(i++).children(R);
            if (certificates.size() > 1) {
                throw malformed("expected one certificate, found " + certificates.size());
            }
            certificate = certificates.stream().findFirst().map(Tlv::encoded);
        }
        Optional<byte[]> crls = Optional.empty();
        if (i < signedData.size() && signedData.get(i).tag() == CRLS_1) {
            // Kept for SodProfile to judge (docs/cccd-chip.md); never used: revocation comes from the configured CRLs.
            crls = Optional.of(signedData.get(i++).encoded());
        }
        List<Tlv> signerInfos = next(signedData, i++, SET).children(R);
        if (i != signedData.size() || signerInfos.size() != 1) {
            throw malformed("expected one SignerInfo and nothing after it");
        }
        if (encapsulated.size() != 2
                || !ICAOObjectIdentifiers.id_icao_ldsSecurityObject.equals(oid(encapsulated.get(0)))
                || encapsulated.get(1).tag() != EXPLICIT_0) {
            throw malformed("eContentType is not the LDS security object");
        }
        byte[] content = only(encapsulated.get(1).children(R), OCTET_STRING).value();
        SignerInfo signerInfo = canonical(signerInfos.get(0), SignerInfo.class);
        return lds(content, digestAlgorithms, signerInfo, certificate, crls);
    }

    private Sod lds(
            byte[] content,
            ASN1Set digestAlgorithms,
            SignerInfo signerInfo,
            Optional<byte[]> certificate,
            Optional<byte[]> crls)
            throws MalformedException {
        Tlv.whole(content, SEQUENCE, R); // the LDS object is covered by messageDigest: structure checked, not form
        try {
            LDSSecurityObject lds = LDSSecurityObject.getInstance(ASN1Primitive.fromByteArray(content));
            Map<Integer, byte[]> hashes = new HashMap<>();
            for (DataGroupHash hash : lds.getDatagroupHash()) {
                if (hashes.put(
                                hash.getDataGroupNumber(),
                                hash.getDataGroupHashValue().getOctets())
                        != null) {
                    throw malformed("data group " + hash.getDataGroupNumber() + " hashed twice");
                }
            }
            Optional<String> ldsVersion = lds.getVersionInfo() == null
                    ? Optional.empty()
                    : Optional.of(lds.getVersionInfo().getLdsVersion());
            return new Sod(
                    lds.getDigestAlgorithmIdentifier(),
                    Map.copyOf(hashes),
                    ldsVersion,
                    ICAOObjectIdentifiers.id_icao_ldsSecurityObject,
                    content,
                    digestAlgorithms,
                    signerInfo,
                    certificate,
                    crls,
                    signingTime(signerInfo));
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle's getInstance() reports structural mismatches as IllegalArgumentException and friends.
            throw malformed("LDS security object unparseable: " + e.getClass().getSimpleName());
        }
    }

    /** Parses one element with Bouncy Castle and requires that re-encoding it gives back the same bytes. */
    private static <T extends ASN1Encodable> T canonical(Tlv element, Class<T> type) throws MalformedException {
        byte[] encoded = element.encoded();
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(encoded);
            T parsed = type == ASN1Set.class
                    ? type.cast(ASN1Set.getInstance(primitive))
                    : type.cast(SignerInfo.getInstance(primitive));
            if (!Arrays.equals(parsed.toASN1Primitive().getEncoded(ASN1Encoding.DER), encoded)) {
                throw malformed(type.getSimpleName() + " is not DER");
            }
            return parsed;
        } catch (IOException | RuntimeException e) {
            throw malformed(
                    type.getSimpleName() + " unparseable: " + e.getClass().getSimpleName());
        }
    }

    private static ASN1ObjectIdentifier oid(Tlv element) throws MalformedException {
        if (element.tag() != OID) {
            throw malformed("expected an OID");
        }
        try {
            return ASN1ObjectIdentifier.getInstance(ASN1Primitive.fromByteArray(element.encoded()));
        } catch (IOException | RuntimeException e) {
            throw malformed("bad OID");
        }
    }

    private static Tlv only(List<Tlv> elements, int tag) throws MalformedException {
        if (elements.size() != 1 || elements.get(0).tag() != tag) {
            throw malformed("expected exactly one element with tag " + Integer.toHexString(tag));
        }
        return elements.get(0);
    }

    private static Tlv next(List<Tlv> elements, int index, int tag) throws MalformedException {
        if (index >= elements.size() || elements.get(index).tag() != tag) {
            throw malformed("expected tag " + Integer.toHexString(tag) + " at position " + index);
        }
        return elements.get(index);
    }

    private static Optional<Instant> signingTime(SignerInfo signerInfo) throws MalformedException {
        if (signerInfo.getAuthenticatedAttributes() == null) {
            return Optional.empty();
        }
        AttributeTable table = new AttributeTable(signerInfo.getAuthenticatedAttributes());
        if (table.getAll(CMSAttributes.signingTime).size() > 1) {
            throw malformed("several signingTime attributes");
        }
        Attribute attribute = table.get(CMSAttributes.signingTime);
        if (attribute == null) {
            return Optional.empty();
        }
        ASN1Encodable[] values = attribute.getAttrValues().toArray();
        if (values.length != 1) {
            throw malformed("signingTime must have one value");
        }
        return Optional.of(Time.getInstance(values[0]).getDate().toInstant());
    }

    private static MalformedException malformed(String detail) {
        return new MalformedException(R, detail);
    }
}
