package vn.healthid.identity.keycloak.browser;

import java.util.Base64;
import java.util.Optional;

/**
 * The face of a verified card's DG2 (ISO/IEC 19794-5 inside ICAO's biometric template), as a data URL for the
 * confirmation page. Only JPEG is shown (browsers do not render JPEG 2000); the image is not decoded here, only
 * located between its start and end markers, within DG2's bytes, which the SOD's hash has already vouched for.
 */
final class FacePicture {

    /** Larger faces are not shown (they would be stored in the authentication session). */
    static final int MAX_BYTES = 48 * 1024;

    private FacePicture() {}

    static Optional<String> dataUrl(byte[] dg2) {
        if (dg2 == null) {
            return Optional.empty();
        }
        int start = -1;
        for (int i = 0; i + 2 < dg2.length; i++) {
            if ((dg2[i] & 0xff) == 0xFF && (dg2[i + 1] & 0xff) == 0xD8 && (dg2[i + 2] & 0xff) == 0xFF) {
                start = i;
                break;
            }
        }
        int end = -1;
        for (int i = dg2.length - 2; i > start && start >= 0; i--) {
            if ((dg2[i] & 0xff) == 0xFF && (dg2[i + 1] & 0xff) == 0xD9) {
                end = i + 2;
                break;
            }
        }
        if (start < 0 || end < 0 || end - start > MAX_BYTES) {
            return Optional.empty();
        }
        byte[] jpeg = java.util.Arrays.copyOfRange(dg2, start, end);
        return Optional.of("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg));
    }
}
