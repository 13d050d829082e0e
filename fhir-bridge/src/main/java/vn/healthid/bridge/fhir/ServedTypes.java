package vn.healthid.bridge.fhir;

import java.util.List;

/** The resource types that have a provider, in registration order. */
public record ServedTypes(List<String> names) {

    public ServedTypes {
        names = List.copyOf(names);
    }
}
