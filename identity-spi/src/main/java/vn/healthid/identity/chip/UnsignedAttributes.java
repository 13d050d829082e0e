package vn.healthid.identity.chip;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

/**
 * The SOD SignerInfo's unsignedAttrs (docs/cccd-chip.md, EF.SOD section): only the attribute types CMS specifies as
 * unsigned are accepted, well formed, and reported as evidence; they are never verified nor used.
 */
final class UnsignedAttributes {

    /** RFC 5652 §11.4 and RFC 3161 Appendix A: the unsigned attributes CMS specifies for a SignerInfo. */
    private static final Map<ASN1ObjectIdentifier, String> SPECIFIED_UNSIGNED = Map.of(
            CMSAttributes.counterSignature, "countersignature",
            PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, "signatureTimeStampToken");

    private UnsignedAttributes() {}

    /** Only attributes CMS specifies as unsigned, one attribute per type, well formed; reported, never trusted. */
    static Optional<SodProfile.Refusal> check(ASN1Set unsigned, Map<String, String> evidence) {
        if (unsigned == null) {
            return Optional.empty();
        }
        Set<String> found = new TreeSet<>();
        try {
            for (ASN1Encodable element : unsigned) {
                Attribute attribute = Attribute.getInstance(element);
                String name = SPECIFIED_UNSIGNED.get(attribute.getAttrType());
                if (name == null) {
                    return SodProfile.refuse(
                            ReasonCode.SOD_UNSIGNED_ATTRIBUTE_NOT_ALLOWED,
                            "unsigned attribute " + attribute.getAttrType().getId());
                }
                if (!found.add(name) || attribute.getAttrValues().size() == 0) {
                    return SodProfile.refuse(
                            ReasonCode.SOD_UNSIGNED_ATTRIBUTE_NOT_ALLOWED, name + " repeated or without value");
                }
                for (ASN1Encodable value : attribute.getAttrValues()) {
                    wellFormed(name, value);
                }
            }
        } catch (RuntimeException e) {
            return SodProfile.refuse(ReasonCode.SOD_UNSIGNED_ATTRIBUTE_NOT_ALLOWED, "malformed unsigned attribute");
        }
        if (found.isEmpty()) {
            return SodProfile.refuse(
                    ReasonCode.SOD_UNSIGNED_ATTRIBUTE_NOT_ALLOWED, "empty unsignedAttrs (SIZE 1..MAX)");
        }
        evidence.put("unsignedAttributes", String.join(",", found) + " (present, not verified, not used)");
        return Optional.empty();
    }

    private static void wellFormed(String name, ASN1Encodable value) {
        if (name.equals("countersignature")) {
            SignerInfo.getInstance(value);
        } else if (!CMSObjectIdentifiers.signedData.equals(
                ContentInfo.getInstance(value).getContentType())) {
            throw new IllegalArgumentException("a time-stamp token is a SignedData");
        }
    }
}
