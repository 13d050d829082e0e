package vn.healthid.sandbox.cards;

import java.security.PublicKey;
import java.util.List;
import org.jmrtd.lds.ActiveAuthenticationInfo;
import org.jmrtd.lds.LDSFile;
import org.jmrtd.lds.SecurityInfo;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.icao.DG14File;
import org.jmrtd.lds.icao.DG15File;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.DG2File;

/** The ICAO LDS files JMRTD can express: EF.COM, DG1, DG2, DG14 (AA info) and DG15. */
final class LdsFiles {

    static final int DG1 = 1;
    static final int DG2 = 2;
    static final int DG13 = 13;
    static final int DG14 = 14;
    static final int DG15 = 15;
    /** BSI TR-03111 ecdsa-plain-SHA256. */
    static final String ECDSA_PLAIN_SHA256 = "0.4.0.127.0.7.1.1.4.1.3";

    private LdsFiles() {}

    static byte[] com(List<Integer> dataGroups) {
        int[] tags = dataGroups.stream().mapToInt(LdsFiles::tag).toArray();
        // LDS 1.7, Unicode 4.0.0
        return new COMFile("01", "07", "04", "00", "00", tags).getEncoded();
    }

    /** {@code mrzNumber}: the 12-digit number the MRZ optional data carries (the citizen's, unless a fault). */
    static byte[] dg1(Citizen citizen, String mrzNumber) {
        return new DG1File(MrzBuilder.build(citizen, mrzNumber)).getEncoded();
    }

    static byte[] dg2(Citizen citizen) {
        return new DG2File(List.of(FaceImage.faceInfo(citizen))).getEncoded();
    }

    /** Names ecdsa-plain-SHA256 (0.4.0.127.0.7.1.1.4.1.3) for EC active authentication. */
    static byte[] dg14EcdsaPlainSha256() {
        List<SecurityInfo> infos = List.of(new ActiveAuthenticationInfo(ECDSA_PLAIN_SHA256));
        return new DG14File(infos).getEncoded();
    }

    static byte[] dg15(PublicKey aaKey) {
        return new DG15File(aaKey).getEncoded();
    }

    private static int tag(int dataGroup) {
        return switch (dataGroup) {
            case DG1 -> LDSFile.EF_DG1_TAG;
            case DG2 -> LDSFile.EF_DG2_TAG;
            case DG13 -> LDSFile.EF_DG13_TAG;
            case DG14 -> LDSFile.EF_DG14_TAG;
            case DG15 -> LDSFile.EF_DG15_TAG;
            default -> throw new IllegalArgumentException("no tag for DG" + dataGroup);
        };
    }
}
