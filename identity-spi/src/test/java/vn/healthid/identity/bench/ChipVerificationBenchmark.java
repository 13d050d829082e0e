package vn.healthid.identity.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ISO9796d2Signer;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.healthid.identity.chip.ChipVerifier;
import vn.healthid.identity.chip.TrustStore;
import vn.healthid.identity.chip.VerificationResult;
import vn.healthid.sandbox.cards.AaChallenge;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardIssuer;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.Citizen;
import vn.healthid.sandbox.cards.Population;
import vn.healthid.sandbox.cards.SandboxPki;
import vn.healthid.sandbox.cards.SignatureScheme;

/**
 * Full chip verification (passive + active, DS chain cached or not) against the sum of its cryptographic
 * primitives over the same card, measured in the same run: data-group hashes, the SOD signature, the DS
 * certificate's signature, the AA signature. See docs/benchmarks.md, "Chip verification".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChipVerificationBenchmark {

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    @Param({"RSA_PKCS1_SHA256", "ECDSA_P256_SHA256"})
    public String scheme;

    private final Provider bc = new BouncyCastleProvider();
    private byte[] bundle;
    private byte[] nonce;
    private ChipVerifier cached;
    private ChipVerifier uncached;
    private List<byte[]> dataGroups;
    private byte[] signedAttributes;
    private byte[] sodSignature;
    private String sodAlgorithm;
    private X509Certificate documentSigner;
    private X509Certificate csca;
    private RSAKeyParameters aaKey;
    private byte[] aaSignature;
    private byte[] rndIfd;

    @Setup
    public void setUp() throws Exception {
        SandboxPki pki = SandboxPki.generate(41, SignatureScheme.valueOf(scheme), NOW);
        Citizen citizen = Population.generate(41, 10, LocalDate.of(2026, 6, 1)).stream()
                .filter(c -> c.dateOfExpiry() != null)
                .findFirst()
                .orElseThrow();
        Card card = new CardIssuer(pki).issue(citizen, CardSpec.defaults());
        nonce = new byte[16];
        new java.security.SecureRandom().nextBytes(nonce);
        bundle = card.bundleJson(Base64.getUrlEncoder().withoutPadding().encodeToString(nonce))
                .getBytes(StandardCharsets.UTF_8);
        TrustStore trust = TrustStore.fromPem(pki.trustPem().getBytes(StandardCharsets.US_ASCII));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        cached = new ChipVerifier(trust, clock);
        uncached = new ChipVerifier(trust, clock, 0);
        requireVerified(cached.verify(bundle, nonce));
        requireVerified(uncached.verify(bundle, nonce));

        dataGroups = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : card.files().entrySet()) {
            if (file.getKey().startsWith("DG")) {
                dataGroups.add(file.getValue());
            }
        }
        byte[] signedData = ASN1TaggedObject.getInstance(
                        ASN1Primitive.fromByteArray(card.files().get("SOD")))
                .getBaseObject()
                .toASN1Primitive()
                .getEncoded(ASN1Encoding.DER);
        SignerInformation signer = new CMSSignedData(signedData)
                .getSignerInfos()
                .getSigners()
                .iterator()
                .next();
        signedAttributes = signer.getEncodedSignedAttributes();
        sodSignature = signer.getSignature();
        documentSigner = pki.documentSigner();
        sodAlgorithm = documentSigner.getSigAlgName().toUpperCase().contains("PSS")
                ? "SHA256withRSAandMGF1"
                : documentSigner.getPublicKey().getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        csca = pki.csca();
        RSAPublicKey rsa = (RSAPublicKey) java.security.KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(
                        spki(card.files().get("DG15"))));
        aaKey = new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
        rndIfd = AaChallenge.derive(nonce);
        aaSignature = card.answerChallenge(rndIfd);
        if (!sodSignatureVerify() || !activeAuthenticationVerify()) {
            throw new IllegalStateException("primitive set-up does not verify");
        }
    }

    @Benchmark
    public VerificationResult fullVerificationChainCached() {
        return cached.verify(bundle, nonce);
    }

    @Benchmark
    public VerificationResult fullVerificationChainNotCached() {
        return uncached.verify(bundle, nonce);
    }

    @Benchmark
    public int dataGroupHashes() throws Exception {
        int sum = 0;
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (byte[] group : dataGroups) {
            sum += sha256.digest(group)[0];
        }
        return sum;
    }

    @Benchmark
    public boolean sodSignatureVerify() throws Exception {
        Signature signature = Signature.getInstance(sodAlgorithm, bc);
        signature.initVerify(documentSigner.getPublicKey());
        signature.update(signedAttributes);
        return signature.verify(sodSignature);
    }

    @Benchmark
    public X509Certificate documentSignerCertificateVerify() throws Exception {
        documentSigner.verify(csca.getPublicKey(), bc);
        return documentSigner;
    }

    @Benchmark
    public boolean activeAuthenticationVerify() throws Exception {
        ISO9796d2Signer verifier = new ISO9796d2Signer(new RSAEngine(), new SHA256Digest(), false);
        verifier.init(false, aaKey);
        verifier.updateWithRecoveredMessage(aaSignature);
        verifier.update(rndIfd, 0, rndIfd.length);
        return verifier.verifySignature(aaSignature);
    }

    private static byte[] spki(byte[] dg15) throws Exception {
        return ASN1TaggedObject.getInstance(ASN1Primitive.fromByteArray(dg15))
                .getBaseObject()
                .toASN1Primitive()
                .getEncoded(ASN1Encoding.DER);
    }

    private static void requireVerified(VerificationResult result) {
        if (!result.verified()) {
            throw new IllegalStateException("the benchmark card does not verify: " + result.firstFailure());
        }
    }
}
