package vn.healthid.identity.chip;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.icao.DataGroupHash;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.icao.LDSSecurityObject;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECParameterSpec;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A PKI the sandbox does not make: a CSCA rollover (old root, link certificate to the new key, a DS issued under the
 * new key) with a DS key that carries explicit EC parameters, and an SOD signed by it over given files.
 */
final class HandMadePki {

    final KeyPair oldRoot = ec("secp256r1");
    final KeyPair newRoot = ec("secp256r1");
    final KeyPair signer = explicitParameters();
    final X509Certificate oldRootCertificate;
    final X509Certificate link;
    final X509Certificate documentSigner;
    private final Instant now;
    private final String sodAlgorithm;
    private final int dsKeyUsage;

    HandMadePki(Instant now) throws Exception {
        this(now, "SHA256withECDSA", KeyUsage.digitalSignature);
    }

    /** {@code sodAlgorithm} as Bouncy Castle names it (SHA256withPLAIN-ECDSA gives the BSI OID). */
    HandMadePki(Instant now, String sodAlgorithm, int dsKeyUsage) throws Exception {
        this.now = now;
        this.sodAlgorithm = sodAlgorithm;
        this.dsKeyUsage = dsKeyUsage;
        X500Name oldName = new X500Name("CN=Old CSCA,C=VN");
        X500Name newName = new X500Name("CN=New CSCA,C=VN");
        this.oldRootCertificate = certificate(oldName, oldName, oldRoot.getPublic(), oldRoot.getPrivate(), true);
        this.link = certificate(oldName, newName, newRoot.getPublic(), oldRoot.getPrivate(), true);
        this.documentSigner =
                certificate(newName, new X500Name("CN=DS,C=VN"), signer.getPublic(), newRoot.getPrivate(), false);
    }

    /** PEM with the old root and the link certificate only: the new CSCA is reachable only through the link. */
    byte[] trustPem() throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(oldRootCertificate);
            pem.writeObject(link);
        }
        return text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    byte[] sod(Map<Integer, byte[]> dataGroups) throws Exception {
        return sod(dataGroups, "SHA-256", NISTObjectIdentifiers.id_sha256, true);
    }

    byte[] sod(Map<Integer, byte[]> dataGroups, String digest, ASN1ObjectIdentifier digestOid, boolean withCertificate)
            throws Exception {
        return sod(dataGroups, digest, digestOid, withCertificate, true);
    }

    /** A CRL from the old CSCA revoking the link certificate (so the new CSCA key is revoked). */
    byte[] crlRevokingLink() throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new X500Name("CN=Old CSCA,C=VN"), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(30, ChronoUnit.DAYS)));
        builder.addCRLEntry(link.getSerialNumber(), Date.from(now.minus(1, ChronoUnit.DAYS)), 0);
        return builder.build(signerFor(oldRoot.getPrivate(), "SHA256withECDSA")).getEncoded();
    }

    /** An SOD whose LDS object uses {@code digest}, with or without the DS certificate and signingTime. */
    byte[] sod(
            Map<Integer, byte[]> dataGroups,
            String digest,
            ASN1ObjectIdentifier digestOid,
            boolean withCertificate,
            boolean withSigningTime)
            throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance(digest);
        DataGroupHash[] hashes = new TreeMap<>(dataGroups)
                .entrySet().stream()
                        .map(e -> new DataGroupHash(e.getKey(), new DEROctetString(sha256.digest(e.getValue()))))
                        .toArray(DataGroupHash[]::new);
        byte[] content = new LDSSecurityObject(new AlgorithmIdentifier(digestOid), hashes).getEncoded(ASN1Encoding.DER);
        Attribute time = new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(now))));
        AttributeTable attributes = withSigningTime ? new AttributeTable(time) : new AttributeTable(new Hashtable<>());
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                        .setProvider(BouncyCastle.PROVIDER)
                        .build())
                .setSignedAttributeGenerator(
                        withSigningTime
                                ? new DefaultSignedAttributeTableGenerator(attributes)
                                : parameters -> new DefaultSignedAttributeTableGenerator()
                                        .getAttributes(parameters)
                                        .remove(CMSAttributes.signingTime))
                .build(signerFor(signer.getPrivate(), sodAlgorithm), documentSigner));
        if (withCertificate) {
            generator.addCertificate(new JcaX509CertificateHolder(documentSigner));
        }
        byte[] signedData = generator
                .generate(new CMSProcessableByteArray(ICAOObjectIdentifiers.id_icao_ldsSecurityObject, content), true)
                .toASN1Structure()
                .getEncoded(ASN1Encoding.DER);
        return new DERTaggedObject(true, BERTags.APPLICATION, 23, ASN1Primitive.fromByteArray(signedData))
                .getEncoded(ASN1Encoding.DER);
    }

    private X509Certificate certificate(
            X500Name issuer, X500Name subject, PublicKey key, PrivateKey issuerKey, boolean ca) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                BigInteger.valueOf(System.nanoTime()),
                Date.from(now.minus(30, ChronoUnit.DAYS)),
                Date.from(now.plus(365, ChronoUnit.DAYS)),
                subject,
                key);
        builder.addExtension(
                Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : dsKeyUsage));
        if (ca) {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        }
        return new JcaX509CertificateConverter()
                .setProvider(BouncyCastle.PROVIDER)
                .getCertificate(builder.build(signerFor(issuerKey, "SHA256withECDSA")));
    }

    private static org.bouncycastle.operator.ContentSigner signerFor(PrivateKey key, String algorithm)
            throws Exception {
        return new JcaContentSignerBuilder(algorithm)
                .setProvider(BouncyCastle.PROVIDER)
                .build(key);
    }

    private static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** brainpoolP256r1 as an unnamed parameter set: the certificate then carries explicit EC parameters. */
    private static KeyPair explicitParameters() {
        try {
            ECNamedCurveParameterSpec named = ECNamedCurveTable.getParameterSpec("brainpoolP256r1");
            ECParameterSpec explicit =
                    new ECParameterSpec(named.getCurve(), named.getG(), named.getN(), named.getH(), named.getSeed());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
            generator.initialize(explicit);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
