package vn.healthid.sandbox.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.Map;
import org.jmrtd.lds.SODFile;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.icao.DG15File;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.DG2File;
import org.junit.jupiter.api.Test;

class ValidCardTest {

    private final Citizen citizen = Fixtures.citizen();
    private final Card card = new CardIssuer(Fixtures.rsaPki()).issue(citizen, CardSpec.defaults());

    @Test
    void carriesTheContractFilesForRsaActiveAuthentication() {
        assertThat(card.files()).containsOnlyKeys("COM", "SOD", "DG1", "DG2", "DG13", "DG15");
    }

    @Test
    void sodHashesMatchEveryDataGroup() throws Exception {
        Map<String, byte[]> files = card.files();
        SODFile sod = new SODFile(new ByteArrayInputStream(files.get("SOD")));
        MessageDigest digest = MessageDigest.getInstance(sod.getDigestAlgorithm());
        assertThat(sod.getDataGroupHashes()).containsOnlyKeys(1, 2, 13, 15);
        sod.getDataGroupHashes()
                .forEach((group, hash) -> assertThat(digest.digest(files.get("DG" + group)))
                        .as("DG%d", group)
                        .isEqualTo(hash));
    }

    @Test
    void filesParseBackWithJmrtd() throws Exception {
        Map<String, byte[]> files = card.files();
        DG1File dg1 = new DG1File(new ByteArrayInputStream(files.get("DG1")));
        assertThat(dg1.getMRZInfo().getDocumentCode()).isEqualTo("ID");
        assertThat(dg1.getMRZInfo().getIssuingState()).isEqualTo("VNM");
        assertThat(dg1.getMRZInfo().getDocumentNumber())
                .isEqualTo(citizen.number().substring(3));
        assertThat(dg1.getMRZInfo().getOptionalData1()).startsWith(citizen.number());
        assertThat(dg1.getEncoded()).isEqualTo(files.get("DG1"));
        assertThat(new COMFile(new ByteArrayInputStream(files.get("COM"))).getTagList())
                .containsExactly(0x61, 0x75, 0x6D, 0x6F);
        assertThat(new DG2File(new ByteArrayInputStream(files.get("DG2"))).getFaceInfos())
                .hasSize(1);
        assertThat(new DG15File(new ByteArrayInputStream(files.get("DG15")))
                        .getPublicKey()
                        .getAlgorithm())
                .isEqualTo("RSA");
    }
}
