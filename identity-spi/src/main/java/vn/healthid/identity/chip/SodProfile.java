package vn.healthid.identity.chip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CertificateList;

/**
 * The LDS SOD profile of the SignedData parts the DS signature does not cover (ICAO 9303-10 EF.SOD tables, RFC 5652),
 * beyond the DER form {@link SodParser} enforces: digestAlgorithms, the [1] crls element, unsigned attributes and the
 * signature algorithm's parameters. Each rule has its reason code; accepted optional parts are reported as evidence.
 * The rules and their clauses: docs/cccd-chip.md, "EF.SOD: the encoding rules the verifier enforces".
 */
final class SodProfile {

    record Refusal(ReasonCode reason, String detail) {}

    private SodProfile() {}

    /** The first rule {@code sod} breaks; evidence about accepted optional parts is added to {@code evidence}. */
    static Optional<Refusal> check(Sod sod, Map<String, String> evidence) {
        SignerInfo signer = sod.signerInfo();
        Optional<Refusal> refusal = digestAlgorithms(sod.digestAlgorithms(), signer);
        if (refusal.isEmpty()) {
            refusal = crls(sod.crls(), evidence);
        }
        if (refusal.isEmpty()) {
            refusal = UnsignedAttributes.check(signer.getUnauthenticatedAttributes(), evidence);
        }
        AlgorithmIdentifier signature = signer.getDigestEncryptionAlgorithm();
        if (refusal.isEmpty() && !Algorithms.signatureParametersAllowed(signature)) {
            refusal = refuse(
                    ReasonCode.SOD_SIGNATURE_ALGORITHM_PARAMETERS_INVALID,
                    "parameters of " + signature.getAlgorithm().getId());
        }
        // Both forms are allowed for RSA PKCS#1 v1.5 (RFC 5754 §3.2); which one the SOD used is reported.
        ASN1Encodable parameters = signature.getParameters();
        evidence.put(
                "signatureParameters",
                parameters == null ? "absent" : parameters instanceof ASN1Null ? "NULL" : "present");
        return refusal;
    }

    /** RFC 5652 §5.1: each entry names a digest "used by one or more signer"; with one signer, exactly its own. */
    private static Optional<Refusal> digestAlgorithms(ASN1Set digestAlgorithms, SignerInfo signer) {
        ByteBuffer signerDigest = ByteBuffer.wrap(der(signer.getDigestAlgorithm()));
        Set<ByteBuffer> seen = new HashSet<>();
        for (ASN1Encodable entry : digestAlgorithms) {
            if (!seen.add(ByteBuffer.wrap(der(entry)))) {
                return refuse(ReasonCode.SOD_DIGEST_ALGORITHM_DUPLICATE, "digestAlgorithms lists an entry twice");
            }
        }
        if (!seen.contains(signerDigest)) {
            return refuse(ReasonCode.SOD_MALFORMED, "signer digest not in digestAlgorithms");
        }
        if (seen.size() > 1) {
            return refuse(ReasonCode.SOD_DIGEST_ALGORITHM_UNUSED, "digestAlgorithms lists a digest no signer uses");
        }
        return Optional.empty();
    }

    /** RFC 5652 §10.2.1: [1] IMPLICIT SET OF CertificateList here (ICAO recommends leaving it out); never used. */
    private static Optional<Refusal> crls(Optional<byte[]> crls, Map<String, String> evidence) {
        if (crls.isEmpty()) {
            return Optional.empty();
        }
        try {
            ASN1Set set =
                    ASN1Set.getInstance(ASN1TaggedObject.getInstance(ASN1Primitive.fromByteArray(crls.get())), false);
            ASN1EncodableVector lists = new ASN1EncodableVector();
            for (ASN1Encodable element : set) {
                lists.add(CertificateList.getInstance(element));
            }
            if (lists.size() == 0) {
                return refuse(ReasonCode.SOD_CRLS_MALFORMED, "empty crls element");
            }
            if (!Arrays.equals(
                    new DERTaggedObject(false, 1, new DERSet(lists)).getEncoded(ASN1Encoding.DER), crls.get())) {
                return refuse(ReasonCode.SOD_CRLS_MALFORMED, "crls element is not DER");
            }
            evidence.put("sodCrls", lists.size() + " X.509 CRL(s), not used: revocation uses the configured CRLs");
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle's getInstance() reports structural mismatches as IllegalArgumentException and friends.
            return refuse(ReasonCode.SOD_CRLS_MALFORMED, "crls element is not a set of X.509 CRLs");
        }
    }

    private static byte[] der(ASN1Encodable element) {
        try {
            return element.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalArgumentException("unencodable", e);
        }
    }

    static Optional<Refusal> refuse(ReasonCode reason, String detail) {
        return Optional.of(new Refusal(reason, detail));
    }
}
