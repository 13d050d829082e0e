package vn.healthid.bridge.coverage.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/** Benefit level (3rd character of the card code) to the percent BHYT pays, from {@code coverage/benefit-levels.json}. */
public final class BenefitLevels {

    private final Map<Character, Integer> percent;

    private BenefitLevels(Map<Character, Integer> percent) {
        this.percent = Map.copyOf(percent);
    }

    public static BenefitLevels load() {
        try (var in = BenefitLevels.class.getResourceAsStream("/coverage/benefit-levels.json")) {
            var levels = new ObjectMapper().readTree(in).path("levels");
            var map = new HashMap<Character, Integer>();
            levels.properties()
                    .forEach(e -> map.put(e.getKey().charAt(0), e.getValue().asInt()));
            return new BenefitLevels(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OptionalInt percentFor(String cardCode) {
        if (cardCode == null || cardCode.length() < 3) {
            return OptionalInt.empty();
        }
        var p = percent.get(cardCode.charAt(2));
        return p == null ? OptionalInt.empty() : OptionalInt.of(p);
    }
}
