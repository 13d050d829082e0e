package vn.healthid.bridge.security;

/**
 * Spring Security's firewall rules for header names and values without its regular expressions,
 * which it runs on every {@code getHeader}: over two 1 KB tokens per request they cost about 5% of
 * an eligibility check (docs/benchmarks.md). Same rules: every code point assigned and not an ISO
 * control character (a value may also hold tabs); printable ASCII is checked on a fast path.
 */
final class HeaderText {

    private HeaderText() {}

    static boolean nameAllowed(String name) {
        return allowed(name, false);
    }

    static boolean valueAllowed(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String s, boolean tabs) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return s.codePoints().allMatch(cp -> codePointAllowed(cp, tabs));
            }
        }
        return true;
    }

    private static boolean codePointAllowed(int cp, boolean tabs) {
        return Character.isDefined(cp) && (!Character.isISOControl(cp) || (tabs && cp == '\t'));
    }
}
