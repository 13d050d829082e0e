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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LdsContentTest {

    private final CardIssuer issuer = new CardIssuer(Fixtures.rsaPki());
    private final Citizen citizen = Fixtures.citizen();

    @ParameterizedTest
    @EnumSource(Dg13Layout.class)
    void dg13CarriesEveryDecidingFieldAndBothParentsInEveryLayout(Dg13Layout layout) {
        byte[] dg13 = issuer.issue(citizen, CardSpec.defaults().withDg13Layout(layout))
                .files()
                .get("DG13");
        assertThat(dg13[0]).isEqualTo((byte) 0x6D);
        assertThat(Dg13Reader.wrapped(dg13)).isEqualTo(layout.wrapped());

        Map<Integer, List<String>> fields = Dg13Reader.read(dg13);
        assertThat(fields.get(1)).containsExactly(citizen.number());
        assertThat(fields.get(2)).containsExactly(citizen.fullName());
        assertThat(fields.get(3)).containsExactly(Dg13Encoder.date(citizen.dateOfBirth()));
        assertThat(fields.get(4)).containsExactly(citizen.sex() == Sex.MALE ? "Nam" : "Nữ");
        assertThat(fields.get(12)).containsExactly(Dg13Encoder.date(citizen.dateOfExpiry()));
        assertThat(fields.get(13)).containsExactly(citizen.fatherName(), citizen.motherName());
        assertThat(fields.get(3).get(0)).matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(fields.get(11)).containsExactly(Dg13Encoder.date(citizen.dateOfIssue()));
    }

    @Test
    void nestedLayoutsWriteTheParentsAsPublicReadersShowThem() {
        byte[] perParent = dg13(Dg13Layout.FLAT_NESTED_PER_PARENT);
        byte[] pair = dg13(Dg13Layout.WRAPPED_NESTED_PAIR);
        // SEQUENCE { INTEGER 13, SEQUENCE { UTF8String }, SEQUENCE { UTF8String } }
        assertThat(Dg13Reader.shape(perParent, 13)).isEqualTo("INTEGER,SEQUENCE(UTF8String),SEQUENCE(UTF8String)");
        // SEQUENCE { INTEGER 13, SEQUENCE { UTF8String, UTF8String } }
        assertThat(Dg13Reader.shape(pair, 13)).isEqualTo("INTEGER,SEQUENCE(UTF8String,UTF8String)");
        assertThat(Dg13Reader.shape(dg13(Dg13Layout.FLAT_STRINGS), 13)).isEqualTo("INTEGER,UTF8String,UTF8String");
        assertThat(Dg13Reader.read(perParent).get(13)).containsExactly(citizen.fatherName(), citizen.motherName());
        assertThat(Dg13Reader.read(pair).get(13)).containsExactly(citizen.fatherName(), citizen.motherName());
    }

    @Test
    void sparseLayoutLeavesOutOptionalFieldsAndExtraLayoutAddsUnknownIds() {
        assertThat(Dg13Reader.read(dg13(Dg13Layout.FLAT_NESTED_PAIR_SPARSE))).doesNotContainKeys(6, 7, 10, 14, 16);
        assertThat(Dg13Reader.read(dg13(Dg13Layout.WRAPPED_NESTED_EXTRA_IDS))).containsKeys(15, 17, 18);
    }

    @Test
    void layoutIsPickedBySeedAndEveryLayoutOccursInAPopulation() {
        List<Citizen> people = Fixtures.population();
        assertThat(people).extracting(Dg13Layout::forCitizen).contains(Dg13Layout.values());
        for (Citizen c : people) {
            assertThat(CardSpec.defaults().dg13LayoutFor(c)).isEqualTo(Dg13Layout.forCitizen(c));
            assertThat(Dg13Reader.wrapped(
                            issuer.issue(c, CardSpec.defaults()).files().get("DG13")))
                    .isEqualTo(Dg13Layout.forCitizen(c).wrapped());
        }
    }

    private byte[] dg13(Dg13Layout layout) {
        return issuer.issue(citizen, CardSpec.defaults().withDg13Layout(layout))
                .files()
                .get("DG13");
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
