package vn.healthid.sandbox.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.jmrtd.lds.ActiveAuthenticationInfo;
import org.jmrtd.lds.icao.DG14File;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.MRZInfo;
import org.junit.jupiter.api.Test;

class LdsContentTest {

    private final CardIssuer issuer = new CardIssuer(Fixtures.rsaPki());
    private final Citizen citizen = Fixtures.citizen();

    @Test
    void dg13CarriesEveryFieldInBothLayouts() {
        byte[] direct = issuer.issue(citizen, CardSpec.defaults()).files().get("DG13");
        byte[] wrapped = issuer.issue(citizen, CardSpec.defaults().withDg13WrappedInSequence(true))
                .files()
                .get("DG13");
        assertThat(direct[0]).isEqualTo((byte) 0x6D);
        assertThat(wrapped[0]).isEqualTo((byte) 0x6D);
        assertThat(Dg13Reader.wrapped(direct)).isFalse();
        assertThat(Dg13Reader.wrapped(wrapped)).isTrue();
        assertThat(Dg13Reader.read(wrapped)).isEqualTo(Dg13Reader.read(direct));

        Map<Integer, List<String>> fields = Dg13Reader.read(direct);
        assertThat(fields.get(1)).containsExactly(citizen.number());
        assertThat(fields.get(2)).containsExactly(citizen.fullName());
        assertThat(fields.get(3)).containsExactly(Dg13Encoder.date(citizen.dateOfBirth()));
        assertThat(fields.get(4)).containsExactly(citizen.sex() == Sex.MALE ? "Nam" : "Nữ");
        assertThat(fields.get(12)).containsExactly(Dg13Encoder.date(citizen.dateOfExpiry()));
        assertThat(fields.get(13)).containsExactly(citizen.fatherName(), citizen.motherName());
        assertThat(fields.get(3).get(0)).matches("\\d{2}/\\d{2}/\\d{4}");
    }

    @Test
    void cardWithoutExpiryCarries991231InTheMrzAndKhongThoiHanInDg13() throws Exception {
        Citizen senior = Fixtures.population().stream()
                .filter(c -> c.dateOfExpiry() == null)
                .findFirst()
                .orElseThrow();
        Card card = issuer.issue(senior, CardSpec.defaults());
        MRZInfo mrz = new DG1File(new ByteArrayInputStream(card.files().get("DG1"))).getMRZInfo();
        assertThat(mrz.getDateOfExpiry()).isEqualTo("991231");
        assertThat(Dg13Reader.read(card.files().get("DG13")).get(12)).containsExactly("Không thời hạn");
    }

    @Test
    void mrzNameIsTheTransliteratedFullName() throws Exception {
        Card card = issuer.issue(citizen, CardSpec.defaults());
        MRZInfo mrz = new DG1File(new ByteArrayInputStream(card.files().get("DG1"))).getMRZInfo();
        String[] words = MrzBuilder.transliterate(citizen.fullName()).split(" ");
        assertThat(mrz.getPrimaryIdentifier()).isEqualTo(words[0]);
        assertThat(mrz.getSecondaryIdentifier()).startsWith(words[1]);
        assertThat(mrz.getDateOfBirth()).isEqualTo(MrzBuilder.formatDate(citizen.dateOfBirth()));
        assertThat(mrz.getNationality()).isEqualTo("VNM");
        assertThat(MrzBuilder.transliterate("Đặng Thị Ánh Tuyết")).isEqualTo("DANG THI ANH TUYET");
    }

    @Test
    void ecCardNamesPlainEcdsaSha256InDg14() throws Exception {
        Card card = issuer.issue(citizen, CardSpec.defaults().withAaKey(AaKey.EC_P256_SHA256));
        assertThat(card.files()).containsKeys("DG14", "DG15");
        List<ActiveAuthenticationInfo> infos =
                new DG14File(new ByteArrayInputStream(card.files().get("DG14"))).getActiveAuthenticationInfos();
        assertThat(infos)
                .singleElement()
                .extracting(ActiveAuthenticationInfo::getSignatureAlgorithmOID)
                .isEqualTo("0.4.0.127.0.7.1.1.4.1.3");
    }

    @Test
    void cardWithoutActiveAuthenticationHasNoDg15() {
        Card card = issuer.issue(citizen, CardSpec.defaults().withAaKey(AaKey.NONE));
        assertThat(card.files()).containsOnlyKeys("COM", "SOD", "DG1", "DG2", "DG13");
    }
}
