package vn.healthid.identity.chip;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * EF.SOD as parsed, nothing verified yet: the LDS security object (digest algorithm and one hash per data group), the
 * raw encapsulated content, the single SignerInfo, the Document Signer certificate's encoding when the SOD carries
 * one (parsed only when the chain cache does not know it) and the encoding of the [1] crls element if present.
 */
record Sod(
        AlgorithmIdentifier ldsDigestAlgorithm,
        Map<Integer, byte[]> hashes,
        Optional<String> ldsVersion,
        ASN1ObjectIdentifier contentType,
        byte[] content,
        ASN1Set digestAlgorithms,
        SignerInfo signerInfo,
        Optional<byte[]> documentSignerDer,
        Optional<byte[]> crls,
        Optional<Instant> signingTime) {}
