package vn.healthid.sandbox.cards;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.icao.CscaMasterList;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;

/** An ICAO 9303-12 CSCA master list: CscaMasterList in CMS SignedData, signed by a list signer. */
final class MasterListBuilder {

    private final CmsSigner cms;

    MasterListBuilder(CmsSigner cms) {
        this.cms = cms;
    }

    byte[] build(List<X509Certificate> cscas, DocumentSigner listSigner, Instant signingTime) {
        try {
            Certificate[] certificates = new Certificate[cscas.size()];
            for (int i = 0; i < certificates.length; i++) {
                certificates[i] = Certificate.getInstance(cscas.get(i).getEncoded());
            }
            byte[] content = new CscaMasterList(certificates).getEncoded(ASN1Encoding.DER);
            return cms.sign(
                    ICAOObjectIdentifiers.id_icao_cscaMasterList,
                    content,
                    listSigner.certificate(),
                    listSigner.privateKey(),
                    signingTime);
        } catch (CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot encode the master list", e);
        }
    }
}
