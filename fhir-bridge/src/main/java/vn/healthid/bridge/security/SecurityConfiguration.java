package vn.healthid.bridge.security;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.client.RestTemplate;
import vn.healthid.bridge.config.SecurityProperties;
import vn.healthid.bridge.fhir.OperationOutcomeResponder;
import vn.healthid.bridge.fhir.RequestAuthorization;
import vn.healthid.bridge.identity.PatientIds;

/**
 * The resource server: bearer JWTs checked against the realm's JWKS (keys refetched when an
 * unknown {@code kid} shows up, at most once per interval: {@link RefetchLimitedJwkSource}), an algorithm allow-list and {@link
 * AccessTokenValidator}. Stateless; every failure is a FHIR OperationOutcome. CORS for the
 * configured browser origins only ({@link CorsRules}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            JwtDecoder jwtDecoder,
            PatientIds patientIds,
            Assurance assurance,
            SecurityProperties properties,
            CorsProperties cors,
            OperationOutcomeResponder responder)
            throws Exception {
        FhirAuthenticationEntryPoint entryPoint = new FhirAuthenticationEntryPoint(responder);
        FhirAccessDeniedHandler deniedHandler = new FhirAccessDeniedHandler(responder);
        http.csrf(csrf -> csrf.disable())
                .cors(rules -> rules.configurationSource(CorsRules.source(cors, properties.staffTokenHeader())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/fhir/metadata",
                                "/fhir/.well-known/smart-configuration",
                                "/.well-known/smart-configuration")
                        .permitAll()
                        // the project's definitions (fhir.ConformanceServlet): no personal data
                        .requestMatchers(
                                "/fhir/StructureDefinition/**",
                                "/fhir/ValueSet/**",
                                "/fhir/CodeSystem/**",
                                "/fhir/OperationDefinition/**")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/fhir", "/fhir/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(oauth -> oauth.bearerTokenResolver(new FastBearerTokenResolver())
                        .jwt(jwt -> jwt.decoder(jwtDecoder)
                                .jwtAuthenticationConverter(new CallerAuthenticationConverter(patientIds, assurance)))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
                .addFilterAfter(
                        new StaffTokenFilter(jwtDecoder, properties.staffTokenHeader()),
                        BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    Assurance assurance(SecurityProperties properties, Clock clock) {
        return new Assurance(properties.acrLevels(), properties.recentProof(), clock);
    }

    /** The SMART scopes and compartment rules as HAPI interceptors, mounted by the FHIR server. */
    @Bean
    RequestAuthorization requestAuthorization(
            FhirContext fhirContext, List<AuthorizationRuleContributor> contributors) {
        AccessResolver resolver = new AccessResolver();
        List<Object> interceptors = List.of(
                new CompartmentSwapGuard(fhirContext, resolver),
                new SmartAuthorizationInterceptor(resolver, contributors));
        return () -> interceptors;
    }

    /** Spring's strict firewall, with its header checks done without regular expressions. */
    @Bean
    WebSecurityCustomizer headerFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderText::nameAllowed);
        firewall.setAllowedHeaderValues(HeaderText::valueAllowed);
        return web -> web.httpFirewall(firewall);
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, Clock clock, RevokedSessionValidator endedSessions) {
        return endedSessions.after(verifyingDecoder(properties, clock));
    }

    private static JwtDecoder verifyingDecoder(SecurityProperties properties, Clock clock) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.httpTimeout());
        requests.setReadTimeout(properties.httpTimeout());
        RestTemplate jwksClient = new RestTemplate(requests);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new RefetchLimitedJwkSource(
                        properties.jwksUri(),
                        jwksClient,
                        properties.jwksRefetchMinInterval(),
                        properties.jwksMaxAge(),
                        clock))
                .jwtProcessorCustomizer(processor -> {
                    // the header typ and the claims (exp, nbf, ...) are checked by AccessTokenValidator
                    processor.setJWSTypeVerifier((type, context) -> {});
                    processor.setJWTClaimsSetVerifier((claims, context) -> {});
                })
                .jwsAlgorithms(algorithms -> {
                    algorithms.clear();
                    properties.algorithms().forEach(name -> algorithms.add(SignatureAlgorithm.from(name)));
                })
                .build();
        decoder.setJwtValidator(new AccessTokenValidator(
                properties.issuer().toString(), properties.audience(), properties.clockSkew(), clock));
        if (properties.tokenCacheSize() <= 0) {
            return decoder;
        }
        return new CachingJwtDecoder(decoder, properties.tokenCacheSize(), properties.tokenCacheTtl(), clock);
    }
}
