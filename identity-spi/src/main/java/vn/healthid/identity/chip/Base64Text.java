package vn.healthid.identity.chip;

import java.util.Base64;

/** Base64 as the bundle allows it: standard or URL alphabet (not mixed), padding optional, nothing else. */
final class Base64Text {

    private Base64Text() {}

    /** The decoded bytes, or null when the text is not base64. */
    static byte[] decode(String text) {
        boolean standard = text.indexOf('+') >= 0 || text.indexOf('/') >= 0;
        boolean url = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        if (standard && url) {
            return null;
        }
        try {
            return (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
