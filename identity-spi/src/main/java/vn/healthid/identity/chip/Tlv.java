package vn.healthid.identity.chip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One BER-TLV element, read strictly as DER: definite, minimal lengths that fit the input, bounded nesting. Every
 * chip file goes through this before a library parser sees it, so that huge declared lengths, indefinite lengths,
 * trailing bytes or deep nesting are a {@link MalformedException}, never an allocation or a stack overflow.
 */
record Tlv(int tag, boolean constructed, byte[] source, int offset, int valueOffset, int valueLength) {

    static final int MAX_DEPTH = 24;

    /** Reads {@code bytes} as exactly one DER element with tag {@code expectedTag}, validating all its nesting. */
    static Tlv whole(byte[] bytes, int expectedTag, ReasonCode reason) throws MalformedException {
        Tlv tlv = read(bytes, 0, bytes.length, reason);
        if (tlv.end() != bytes.length) {
            throw new MalformedException(reason, "trailing bytes after tag " + Integer.toHexString(tlv.tag));
        }
        if (tlv.tag != expectedTag) {
            throw new MalformedException(
                    reason, "tag " + Integer.toHexString(tlv.tag) + " instead of " + Integer.toHexString(expectedTag));
        }
        tlv.validate(0, reason);
        return tlv;
    }

    static Tlv read(byte[] in, int offset, int limit, ReasonCode reason) throws MalformedException {
        int p = offset;
        if (p >= limit) {
            throw new MalformedException(reason, "truncated");
        }
        int first = in[p++] & 0xFF;
        int tag = first;
        if ((first & 0x1F) == 0x1F) { // high tag number: at most two more bytes in ICAO files
            int more = 0;
            do {
                if (p >= limit || ++more > 2) {
                    throw new MalformedException(reason, "bad tag");
                }
                tag = (tag << 8) | (in[p] & 0xFF);
            } while ((in[p++] & 0x80) != 0);
        }
        if (p >= limit) {
            throw new MalformedException(reason, "truncated");
        }
        int lengthByte = in[p++] & 0xFF;
        int length;
        if (lengthByte < 0x80) {
            length = lengthByte;
        } else {
            int count = lengthByte & 0x7F;
            if (count == 0 || count > 3 || p + count > limit || in[p] == 0) {
                throw new MalformedException(reason, "bad length");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (in[p++] & 0xFF);
            }
            if (length < 0x80) {
                throw new MalformedException(reason, "non-minimal length");
            }
        }
        if (length > limit - p) {
            throw new MalformedException(reason, "length beyond the input");
        }
        return new Tlv(tag, (first & 0x20) != 0, in, offset, p, length);
    }

    int end() {
        return valueOffset + valueLength;
    }

    byte[] value() {
        return Arrays.copyOfRange(source, valueOffset, end());
    }

    byte[] encoded() {
        return Arrays.copyOfRange(source, offset, end());
    }

    List<Tlv> children(ReasonCode reason) throws MalformedException {
        List<Tlv> children = new ArrayList<>();
        int p = valueOffset;
        while (p < end()) {
            Tlv child = read(source, p, end(), reason);
            children.add(child);
            p = child.end();
        }
        return children;
    }

    private void validate(int depth, ReasonCode reason) throws MalformedException {
        if (!constructed) {
            return;
        }
        if (depth > MAX_DEPTH) {
            throw new MalformedException(reason, "nesting too deep");
        }
        for (Tlv child : children(reason)) {
            child.validate(depth + 1, reason);
        }
    }
}
