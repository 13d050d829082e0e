package vn.healthid.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class FastBearerTokenResolverTest {

    private final FastBearerTokenResolver fast = new FastBearerTokenResolver();
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void resolvesWhatSpringsResolverResolvesAndRefusesWhatItRefuses() {
        var headers = Arrays.asList(
                null,
                "",
                "Basic dXNlcjpwYXNz",
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln-_~+/",
                "bearer abc==",
                "BEARER abc",
                "Bearer",
                "Bearer ",
                "Bearerabc",
                "Bearer  abc",
                "Bearer abc def",
                "Bearer ab=c",
                "Bearer =abc",
                "Bearer abc\t",
                "Bearer ab\u00e9");
        for (var header : headers) {
            assertThat(outcome(fast, header)).as("%s", header).isEqualTo(outcome(spring, header));
        }
    }

    @Test
    void aMalformedTokenIsAnInvalidTokenError() {
        assertThatThrownBy(() -> fast.resolve(request("Bearer a b")))
                .isInstanceOfSatisfying(
                        OAuth2AuthenticationException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo("invalid_token"));
    }

    @Test
    void ignoresTheQueryParameterAsSpringDoesByDefault() {
        var request = request(null);
        request.setParameter("access_token", "abc");

        assertThat(fast.resolve(request)).isNull();
    }

    private static String outcome(
            org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver, String header) {
        try {
            return "token:" + resolver.resolve(request(header));
        } catch (OAuth2AuthenticationException e) {
            return "error:" + e.getError().getErrorCode() + ":" + e.getError().getDescription();
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        var request = new MockHttpServletRequest("GET", "/fhir/Patient/p1");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }
}
