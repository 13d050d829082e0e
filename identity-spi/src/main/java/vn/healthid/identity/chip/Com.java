package vn.healthid.identity.chip;

import java.util.Set;
import java.util.TreeSet;

/**
 * EF.COM (tag 60): LDS version (5F01), Unicode version (5F36) and the list of data-group tags (5C). It is not
 * covered by the SOD, so it is parsed strictly and only its data-group list is used, against the SOD's.
 */
final class Com {

    private static final int COM_TAG = 0x60;
    private static final int LDS_VERSION = 0x5F01;
    private static final int UNICODE_VERSION = 0x5F36;
    private static final int TAG_LIST = 0x5C;
    private static final Set<String> LDS_VERSIONS = Set.of("0107", "0108");
    private static final String UNICODE_4 = "040000";

    private Com() {}

    /** The data-group numbers EF.COM lists. */
    static Set<Integer> dataGroups(byte[] file) throws MalformedException {
        var children =
                Tlv.whole(file, COM_TAG, ReasonCode.DATA_GROUP_MALFORMED).children(ReasonCode.DATA_GROUP_MALFORMED);
        if (children.size() != 3
                || children.get(0).tag() != LDS_VERSION
                || children.get(1).tag() != UNICODE_VERSION
                || children.get(2).tag() != TAG_LIST) {
            throw malformed("EF.COM must hold 5F01, 5F36 and 5C in that order");
        }
        if (!LDS_VERSIONS.contains(ascii(children.get(0).value()))
                || !UNICODE_4.equals(ascii(children.get(1).value()))) {
            throw malformed("EF.COM versions are not LDS 1.7/1.8 with Unicode 4.0.0");
        }
        Set<Integer> groups = new TreeSet<>();
        for (byte tag : children.get(2).value()) {
            int number = DataGroups.numberOfTag(tag & 0xFF);
            if (number < 0 || !groups.add(number)) {
                throw malformed("EF.COM lists an unknown or repeated data-group tag");
            }
        }
        return groups;
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static MalformedException malformed(String detail) {
        return new MalformedException(ReasonCode.DATA_GROUP_MALFORMED, detail);
    }
}
