package vn.healthid.identity.keycloak.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FhirBaseUrlsTest {

    private final FhirBaseUrls urls =
            FhirBaseUrls.parse(" http://localhost:8081/fhir , https://FHIR.example.vn/fhir/ ");

    @Test
    void acceptsTheConfiguredBasesWhateverTheCaseOfSchemeAndHostAndTrailingSlashes() {
        assertThat(urls.accepts("http://localhost:8081/fhir")).isTrue();
        assertThat(urls.accepts("HTTP://LOCALHOST:8081/fhir/")).isTrue();
        assertThat(urls.accepts("https://fhir.example.vn/fhir")).isTrue();
        assertThat(urls.accepts("https://fhir.example.vn:443/fhir//")).isTrue();
    }

    @Test
    void refusesACounterfeitServerAndAnythingThatOnlyLooksLikeOurs() {
        assertThat(urls.accepts("https://fhir.attacker.example/fhir")).isFalse();
        assertThat(urls.accepts("https://localhost:8081/fhir")).isFalse(); // another scheme
        assertThat(urls.accepts("http://localhost:8082/fhir")).isFalse(); // another port
        assertThat(urls.accepts("http://localhost:8081/FHIR")).isFalse(); // the path is case-sensitive
        assertThat(urls.accepts("http://localhost:8081/fhir/Patient")).isFalse();
        assertThat(urls.accepts("http://localhost:8081/fhir?x=1")).isFalse();
        assertThat(urls.accepts("http://localhost:8081/fhir#x")).isFalse();
        assertThat(urls.accepts("http://user@localhost:8081/fhir")).isFalse();
        assertThat(urls.accepts("http://localhost:8081/fhir.attacker.example")).isFalse();
        assertThat(urls.accepts("localhost:8081/fhir")).isFalse();
        assertThat(urls.accepts("not a url")).isFalse();
        assertThat(urls.accepts("")).isFalse();
        assertThat(urls.accepts(null)).isFalse();
    }

    @Test
    void withNothingConfiguredNoAudIsAccepted() {
        assertThat(FhirBaseUrls.parse(null).accepts("http://localhost:8081/fhir"))
                .isFalse();
        assertThat(FhirBaseUrls.parse(" ").isEmpty()).isTrue();
    }

    @Test
    void aConfiguredValueThatIsNotAnAbsoluteHttpUrlStopsTheServer() {
        assertThatThrownBy(() -> FhirBaseUrls.parse("http://localhost:8081/fhir,fhir.example.vn"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fhir.example.vn");
        assertThatThrownBy(() -> FhirBaseUrls.parse("ftp://fhir.example.vn/fhir"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
