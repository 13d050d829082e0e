package vn.healthid.identity.chip;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import vn.healthid.sandbox.cards.SodCorruption;

/** Seeded EF.SOD rewrites of the families a fuzz run found accepted (issue 20 item 3), for {@link MutationTest}. */
final class SodMutations {

    private SodMutations() {}

    private static ASN1Encodable randomValue(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(24)];
        random.nextBytes(bytes);
        return switch (random.nextInt(4)) {
            case 0 -> new ASN1Integer(new BigInteger(bytes));
            case 1 -> new DEROctetString(bytes);
            case 2 -> new DERUTF8String(Integer.toHexString(random.nextInt()));
            default ->
                new DERSequence(new ASN1Encodable[] {new ASN1Integer(random.nextInt(100)), new DEROctetString(bytes)});
        };
    }

    static UnaryOperator<byte[]> unknownUnsignedAttribute(Random random) {
        ASN1ObjectIdentifier type =
                new ASN1ObjectIdentifier("1.3.6.1.4.1." + (1 + random.nextInt(60000)) + "." + random.nextInt(10));
        Attribute attribute = new Attribute(type, new DERSet(randomValue(random)));
        return sod -> SodCorruption.withUnsignedAttributes(sod, new DERSet(attribute));
    }

    static UnaryOperator<byte[]> junkCrls(Random random) {
        ASN1Encodable[] items = new ASN1Encodable[1 + random.nextInt(3)];
        for (int i = 0; i < items.length; i++) {
            items[i] = randomValue(random);
        }
        ASN1Encodable content = random.nextBoolean() ? new DERSequence(items) : new DERSet(items);
        return sod -> SodCorruption.withCrls(sod, content);
    }

    /** The DS's issuer with one lenient-equal change: letters' case, UTF8String as PrintableString, or RDN order. */
    static UnaryOperator<byte[]> lenientIssuer(Random random, X509Certificate ds) {
        X500Name issuer = X500Name.getInstance(ds.getIssuerX500Principal().getEncoded());
        List<RDN> rdns = new ArrayList<>(Arrays.asList(issuer.getRDNs()));
        switch (random.nextInt(3)) {
            case 0 -> rdns.replaceAll(rdn -> new RDN(changeCase(rdn.getFirst(), random)));
            case 1 -> rdns.replaceAll(rdn -> new RDN(printable(rdn.getFirst())));
            default -> Collections.shuffle(rdns, random);
        }
        X500Name changed = new X500Name(rdns.toArray(RDN[]::new));
        BigInteger serial = ds.getSerialNumber();
        return sod -> SodCorruption.withSignerIdentifier(
                sod, new SignerIdentifier(new IssuerAndSerialNumber(changed, serial)));
    }

    private static AttributeTypeAndValue changeCase(AttributeTypeAndValue atv, Random random) {
        if (!(atv.getValue() instanceof DERUTF8String text)) {
            return atv;
        }
        char[] chars = text.getString().toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (random.nextBoolean()) {
                chars[i] = Character.isUpperCase(chars[i])
                        ? Character.toLowerCase(chars[i])
                        : Character.toUpperCase(chars[i]);
            }
        }
        return new AttributeTypeAndValue(atv.getType(), new DERUTF8String(new String(chars)));
    }

    private static AttributeTypeAndValue printable(AttributeTypeAndValue atv) {
        return atv.getValue() instanceof DERUTF8String text
                ? new AttributeTypeAndValue(atv.getType(), new DERPrintableString(text.getString()))
                : atv;
    }

    /** NULL (where parameters must be absent) or any other element (where they must be NULL or absent). */
    static UnaryOperator<byte[]> addedSignatureParameters(Random random) {
        return sod -> {
            AlgorithmIdentifier current = SodCorruption.signerInfo(sod).getDigestEncryptionAlgorithm();
            ASN1Encodable parameters = current.getParameters() == null ? DERNull.INSTANCE : randomValue(random);
            return SodCorruption.withSignatureAlgorithm(
                    sod, new AlgorithmIdentifier(current.getAlgorithm(), parameters));
        };
    }

    static UnaryOperator<byte[]> removedSignatureParameters() {
        return sod -> SodCorruption.withSignatureAlgorithm(
                sod,
                new AlgorithmIdentifier(SodCorruption.signerInfo(sod)
                        .getDigestEncryptionAlgorithm()
                        .getAlgorithm()));
    }

    static UnaryOperator<byte[]> duplicatedDigestAlgorithm(Random random) {
        int copies = 2 + random.nextInt(3);
        return sod -> {
            ASN1Encodable[] entries = new ASN1Encodable[copies];
            Arrays.fill(entries, SodCorruption.signerInfo(sod).getDigestAlgorithm());
            return SodCorruption.withDigestAlgorithms(sod, entries);
        };
    }

    static UnaryOperator<byte[]> unusedDigestAlgorithm(Random random) {
        ASN1ObjectIdentifier[] others = {
            NISTObjectIdentifiers.id_sha224,
            NISTObjectIdentifiers.id_sha384,
            NISTObjectIdentifiers.id_sha512,
            new ASN1ObjectIdentifier("1.3.14.3.2.26")
        };
        ASN1ObjectIdentifier other = others[random.nextInt(others.length)];
        boolean withNull = random.nextBoolean();
        return sod -> {
            AlgorithmIdentifier signer = SodCorruption.signerInfo(sod).getDigestAlgorithm();
            AlgorithmIdentifier extra = withNull
                    ? new AlgorithmIdentifier(signer.getAlgorithm(), DERNull.INSTANCE)
                    : new AlgorithmIdentifier(other);
            return SodCorruption.withDigestAlgorithms(sod, signer, extra);
        };
    }
}
