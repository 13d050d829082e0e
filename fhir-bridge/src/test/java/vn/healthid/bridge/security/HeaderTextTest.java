package vn.healthid.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HeaderTextTest {

    // Spring Security's own rules (StrictHttpFirewall), which HeaderText must agree with.
    private static final Pattern SPRING_NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern SPRING_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    private static final List<String> SAMPLES = List.of(
            "",
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
            "application/fhir+json; charset=utf-8",
            "Nhân Viên Tiếp Đón",
            "a\tb",
            "a\u0000b",
            "a\u001fb",
            "a\u007fb",
            "a\u0085b",
            "a\u00a0b",
            "\ud83d\ude00 emoji",
            "lone \ud83d surrogate",
            "unassigned \u0378 code point",
            "private use \ue000",
            "line\r\nbreak");

    @Test
    void agreesWithSpringsFirewallOnEverySample() {
        for (var s : SAMPLES) {
            assertThat(HeaderText.nameAllowed(s))
                    .as("name %s", s)
                    .isEqualTo(SPRING_NAMES.matcher(s).matches());
            assertThat(HeaderText.valueAllowed(s))
                    .as("value %s", s)
                    .isEqualTo(SPRING_VALUES.matcher(s).matches());
        }
    }

    @Test
    void refusesControlCharactersAndAllowsTabsInValuesOnly() {
        assertThat(HeaderText.valueAllowed("a\tb")).isTrue();
        assertThat(HeaderText.nameAllowed("a\tb")).isFalse();
        assertThat(HeaderText.valueAllowed("x\r\nSet-Cookie: y")).isFalse();
        assertThat(HeaderText.valueAllowed("unassigned \u0378")).isFalse();
    }
}
