package vn.healthid.identity.chip;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.SignerInfo;

/**
 * The SOD's CMS signature: the SignerInfo names the Document Signer certificate the SOD carries (DER equality), the
 * unsigned parts follow the LDS profile ({@link SodProfile}), its signed attributes hold the right content type and
 * the digest of the LDS security object, and the signature over those attributes verifies with the DS key under an
 * allowed algorithm.
 */
final class SodSignatureCheck {

    private final ChainCache cache;

    SodSignatureCheck(ChainCache cache) {
        this.cache = cache;
    }

    CheckResult run(Verification v) {
        Sod sod = v.sod;
        v.signingTime = sod.signingTime().orElse(null); // as stated; ValidityCheck says whether it was signed
        if (sod.documentSignerDer().isEmpty()) {
            return failed(ReasonCode.DS_CERTIFICATE_MISSING, Map.of());
        }
        byte[] documentSignerDer = sod.documentSignerDer().get();
        v.documentSignerKey = ChainCache.keyOf(documentSignerDer);
        TrustedChain cached = cache.get(v.documentSignerKey);
        X509Certificate ds;
        if (cached != null) {
            ds = cached.documentSigner(); // same SHA-256, so the same bytes validated before
        } else {
            try {
                ds = BouncyCastle.certificate(documentSignerDer);
                // Canonical DER: the certificate's signature covers the TBS re-encoded, not these bytes.
                if (!Arrays.equals(ds.getEncoded(), documentSignerDer)) {
                    return failed(ReasonCode.SOD_MALFORMED, Map.of("detail", "DS certificate is not DER"));
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                return failed(ReasonCode.SOD_MALFORMED, Map.of("detail", "unreadable DS certificate"));
            }
        }
        // Only a readable, DER certificate is an input of the chain, validity and revocation checks.
        v.documentSignerDer = documentSignerDer;
        v.documentSigner = ds;
        v.chain = cached;
        Map<String, String> evidence = new HashMap<>();
        evidence.put("dsSubject", ds.getSubjectX500Principal().getName());
        evidence.put("dsSerial", ds.getSerialNumber().toString(16));
        SignerInfo signer = sod.signerInfo();
        if (!SignerIdentifiers.matches(signer, ds)) {
            return failed(ReasonCode.SOD_SIGNER_IDENTIFIER_MISMATCH, with(evidence, "SignerInfo does not name the DS"));
        }
        Optional<String> digest = Algorithms.digest(signer.getDigestAlgorithm());
        if (digest.isEmpty()) {
            return failed(ReasonCode.DIGEST_ALGORITHM_NOT_ALLOWED, with(evidence, "signer digest"));
        }
        Optional<SodProfile.Refusal> refusal = SodProfile.check(sod, evidence);
        if (refusal.isPresent()) {
            return failed(refusal.get().reason(), with(evidence, refusal.get().detail()));
        }
        ASN1Set signedAttributes = signer.getAuthenticatedAttributes();
        if (signedAttributes == null) {
            return failed(ReasonCode.SOD_SIGNATURE_INVALID, with(evidence, "no signed attributes"));
        }
        AttributeTable attributes = new AttributeTable(signedAttributes);
        ASN1Encodable contentType = single(attributes, CMSAttributes.contentType);
        if (!(contentType instanceof ASN1ObjectIdentifier oid) || !oid.equals(sod.contentType())) {
            return failed(ReasonCode.SOD_SIGNATURE_INVALID, with(evidence, "contentType attribute"));
        }
        ASN1Encodable messageDigest = single(attributes, CMSAttributes.messageDigest);
        try {
            byte[] computed = MessageDigest.getInstance(digest.get()).digest(sod.content());
            if (!(messageDigest instanceof ASN1OctetString stored)
                    || !MessageDigest.isEqual(stored.getOctets(), computed)) {
                return failed(ReasonCode.SOD_SIGNATURE_INVALID, with(evidence, "messageDigest attribute"));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + digest.get(), e);
        }
        Optional<Algorithms.SignatureAlgorithm> algorithm =
                Algorithms.signature(signer.getDigestEncryptionAlgorithm(), digest.get());
        if (algorithm.isEmpty()) {
            return failed(
                    ReasonCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
                    with(
                            evidence,
                            signer.getDigestEncryptionAlgorithm().getAlgorithm().getId()));
        }
        evidence.put("algorithm", algorithm.get().name());
        if (!verifies(algorithm.get(), ds, signedAttributes, signer)) {
            return failed(ReasonCode.SOD_SIGNATURE_INVALID, with(evidence, "signature does not verify"));
        }
        v.sodSignatureVerified = true;
        return CheckResult.succeeded(Check.SOD_SIGNATURE, evidence);
    }

    private static boolean verifies(
            Algorithms.SignatureAlgorithm algorithm, X509Certificate ds, ASN1Set signedAttributes, SignerInfo signer) {
        try {
            Signature signature = Signature.getInstance(algorithm.name(), BouncyCastle.PROVIDER);
            signature.initVerify(ds.getPublicKey());
            if (algorithm.parameters() != null) {
                signature.setParameter(algorithm.parameters());
            }
            signature.update(signedAttributes.getEncoded(ASN1Encoding.DER));
            return signature.verify(signer.getEncryptedDigest().getOctets());
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            // A key that does not fit the algorithm, or a signature that is not even well formed: it does not verify.
            return false;
        }
    }

    private static ASN1Encodable single(AttributeTable attributes, ASN1ObjectIdentifier type) {
        if (attributes.getAll(type).size() != 1) {
            return null;
        }
        Attribute attribute = attributes.get(type);
        ASN1Encodable[] values = attribute.getAttrValues().toArray();
        return values.length == 1 ? values[0] : null;
    }

    private static Map<String, String> with(Map<String, String> evidence, String detail) {
        Map<String, String> copy = new HashMap<>(evidence);
        copy.put("detail", detail);
        return copy;
    }

    private static CheckResult failed(ReasonCode reason, Map<String, String> evidence) {
        return CheckResult.failed(Check.SOD_SIGNATURE, reason, evidence);
    }
}
