package vn.healthid.sandbox.gateway;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stand-in's synthetic population, read from a JSON resource (data, not code). */
public final class Population {

    /** The population shipped with the stand-in. */
    public static final String DEFAULT_RESOURCE = "/gateway/population.json";

    private final Map<String, Person> byKey = new LinkedHashMap<>();

    private Population(List<Person> people) {
        people.forEach(p -> byKey.put(p.key(), p));
    }

    public static Population load(InputStream json) {
        try {
            var mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
            var file = mapper.readValue(json, PopulationFile.class);
            return new Population(file.people());
        } catch (IOException e) {
            throw new UncheckedIOException("population JSON unreadable", e);
        }
    }

    public static Population defaults() {
        try (var in = Population.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The person with this scenario key ({@code valid}, {@code expired}, ...). */
    public Person person(String key) {
        var p = byKey.get(key);
        if (p == null) {
            throw new IllegalArgumentException("no person with key " + key);
        }
        return p;
    }

    public List<Person> people() {
        return List.copyOf(byKey.values());
    }

    public Optional<Person> byBhxh(String bhxh) {
        return byKey.values().stream().filter(p -> p.bhxh().equals(bhxh)).findFirst();
    }

    public Optional<Person> byCccd(String cccd) {
        return byKey.values().stream().filter(p -> p.cccd().equals(cccd)).findFirst();
    }

    private record PopulationFile(List<Person> people) {}
}
