package vn.healthid.identity.chip;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * The digest and signature algorithms a CCCD may use (SECURITY.md): SHA-1 (legacy) to SHA-512, never MD5; RSA
 * PKCS#1 v1.5, RSA-PSS, ECDSA with the X9.62 OIDs and BSI TR-03111 plain OIDs. Names are Bouncy Castle's.
 */
final class Algorithms {

    private static final Map<String, String> DIGESTS = Map.of(
            "1.3.14.3.2.26", "SHA-1",
            "2.16.840.1.101.3.4.2.4", "SHA-224",
            "2.16.840.1.101.3.4.2.1", "SHA-256",
            "2.16.840.1.101.3.4.2.2", "SHA-384",
            "2.16.840.1.101.3.4.2.3", "SHA-512");

    /** Signature OIDs that name their digest: OID -> {digest, JCA suffix}. */
    private static final Map<String, String[]> SIGNATURES = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.5", new String[] {"SHA-1", "withRSA"}),
            Map.entry("1.2.840.113549.1.1.14", new String[] {"SHA-224", "withRSA"}),
            Map.entry("1.2.840.113549.1.1.11", new String[] {"SHA-256", "withRSA"}),
            Map.entry("1.2.840.113549.1.1.12", new String[] {"SHA-384", "withRSA"}),
            Map.entry("1.2.840.113549.1.1.13", new String[] {"SHA-512", "withRSA"}),
            Map.entry("1.2.840.10045.4.1", new String[] {"SHA-1", "withECDSA"}),
            Map.entry("1.2.840.10045.4.3.1", new String[] {"SHA-224", "withECDSA"}),
            Map.entry("1.2.840.10045.4.3.2", new String[] {"SHA-256", "withECDSA"}),
            Map.entry("1.2.840.10045.4.3.3", new String[] {"SHA-384", "withECDSA"}),
            Map.entry("1.2.840.10045.4.3.4", new String[] {"SHA-512", "withECDSA"}),
            Map.entry("0.4.0.127.0.7.1.1.4.1.1", new String[] {"SHA-1", "withPLAIN-ECDSA"}),
            Map.entry("0.4.0.127.0.7.1.1.4.1.2", new String[] {"SHA-224", "withPLAIN-ECDSA"}),
            Map.entry("0.4.0.127.0.7.1.1.4.1.3", new String[] {"SHA-256", "withPLAIN-ECDSA"}),
            Map.entry("0.4.0.127.0.7.1.1.4.1.4", new String[] {"SHA-384", "withPLAIN-ECDSA"}),
            Map.entry("0.4.0.127.0.7.1.1.4.1.5", new String[] {"SHA-512", "withPLAIN-ECDSA"}));

    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";
    private static final String MGF1 = "1.2.840.113549.1.1.8";
    private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";

    private Algorithms() {}

    /** A digest's JCA name, when it is allowed. */
    static Optional<String> digest(AlgorithmIdentifier id) {
        if (!absentOrNullParameters(id.getParameters())) {
            return Optional.empty();
        }
        return Optional.ofNullable(DIGESTS.get(id.getAlgorithm().getId()));
    }

    static Optional<String> digestByOid(String oid) {
        return Optional.ofNullable(DIGESTS.get(oid));
    }

    /** A JCA signature name with its parameters, for a signature algorithm and the signer's digest. */
    record SignatureAlgorithm(String name, AlgorithmParameterSpec parameters) {}

    static Optional<SignatureAlgorithm> signature(AlgorithmIdentifier id, String signerDigest) {
        String oid = id.getAlgorithm().getId();
        String[] named = SIGNATURES.get(oid);
        if (named != null) {
            return Optional.of(new SignatureAlgorithm(jcaDigest(named[0]) + named[1], null));
        }
        return switch (oid) {
            case RSA_ENCRYPTION -> Optional.of(new SignatureAlgorithm(jcaDigest(signerDigest) + "withRSA", null));
            case EC_PUBLIC_KEY -> Optional.of(new SignatureAlgorithm(jcaDigest(signerDigest) + "withECDSA", null));
            case RSASSA_PSS -> pss(id.getParameters());
            default -> Optional.empty();
        };
    }

    /**
     * Whether a signature AlgorithmIdentifier's parameters are the ones its algorithm allows: RSA PKCS#1 v1.5 NULL or
     * absent (RFC 4055 §5, RFC 5754 §3.2: implementations must accept both), ECDSA absent (RFC 5758 §3.2; the BSI
     * plain OIDs alike), RSASSA-PSS its RSASSA-PSS-params (checked by {@link #signature}). Unknown algorithms pass
     * here: {@link #signature} refuses them.
     */
    static boolean signatureParametersAllowed(AlgorithmIdentifier id) {
        ASN1Encodable parameters = id.getParameters();
        String oid = id.getAlgorithm().getId();
        String[] named = SIGNATURES.get(oid);
        if (named != null) {
            return named[1].equals("withRSA") ? absentOrNullParameters(parameters) : parameters == null;
        }
        return switch (oid) {
            case RSA_ENCRYPTION, EC_PUBLIC_KEY -> absentOrNullParameters(parameters);
            case RSASSA_PSS -> parameters instanceof ASN1Sequence;
            default -> true;
        };
    }

    /** The plain-ECDSA JCA name for an active-authentication OID in DG14 (BSI plain, or X9.62 used loosely). */
    static Optional<String> plainEcdsa(ASN1ObjectIdentifier oid) {
        String[] named = SIGNATURES.get(oid.getId());
        return named == null || named[1].equals("withRSA")
                ? Optional.empty()
                : Optional.of(jcaDigest(named[0]) + "withPLAIN-ECDSA");
    }

    private static Optional<SignatureAlgorithm> pss(ASN1Encodable parameters) {
        if (parameters == null) {
            return Optional.empty();
        }
        RSASSAPSSparams params = RSASSAPSSparams.getInstance(parameters);
        if (!MGF1.equals(params.getMaskGenAlgorithm().getAlgorithm().getId())) {
            return Optional.empty();
        }
        Optional<String> hash = digest(params.getHashAlgorithm());
        Optional<String> mgfHash = digest(
                AlgorithmIdentifier.getInstance(params.getMaskGenAlgorithm().getParameters()));
        if (hash.isEmpty() || mgfHash.isEmpty() || params.getTrailerField().intValueExact() != 1) {
            return Optional.empty();
        }
        PSSParameterSpec spec = new PSSParameterSpec(
                hash.get(),
                "MGF1",
                new MGF1ParameterSpec(mgfHash.get()),
                params.getSaltLength().intValueExact(),
                1);
        return Optional.of(new SignatureAlgorithm("RSASSA-PSS", spec));
    }

    private static boolean absentOrNullParameters(ASN1Encodable parameters) {
        return parameters == null || parameters instanceof ASN1Null;
    }

    private static String jcaDigest(String digest) {
        return digest.replace("-", "");
    }
}
