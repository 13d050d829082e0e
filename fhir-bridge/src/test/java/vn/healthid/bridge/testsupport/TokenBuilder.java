package vn.healthid.bridge.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.healthid.bridge.config.PatientIdProperties;
import vn.healthid.bridge.identity.PatientIds;

/** Builds and signs an access token as Keycloak would issue it; every claim can be changed. */
public final class TokenBuilder {

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private final ECKey ecKey;
    private RSAKey rsaKey;
    private JWSAlgorithm algorithm = JWSAlgorithm.RS256;
    private JOSEObjectType headerType = JOSEObjectType.JWT;
    private byte[] hmacSecret;

    TokenBuilder(String issuer, RSAKey rsaKey, ECKey ecKey) {
        this.rsaKey = rsaKey;
        this.ecKey = ecKey;
        Instant now = Instant.now();
        claims.put("iss", issuer);
        claims.put("aud", List.of("fhir-bridge", "account"));
        claims.put("typ", "Bearer");
        claims.put("sub", UUID.randomUUID().toString());
        claims.put("azp", "clinic-reception");
        claims.put("iat", Date.from(now));
        claims.put("exp", Date.from(now.plus(Duration.ofMinutes(5))));
        claims.put("jti", UUID.randomUUID().toString());
    }

    /** The patient id the bridge derives for a number under the sandbox key. */
    public static String patientIdOf(String nationalId) {
        return new PatientIds(PatientIdProperties.SANDBOX_KEY).forNationalId(nationalId);
    }

    /** A citizen's token: verified identity claims and {@code fhirUser} from the id scheme. */
    public TokenBuilder citizen(String nationalId) {
        claims.put("national_id", nationalId);
        claims.put("fhirUser", "Patient/" + patientIdOf(nationalId));
        claims.put("name", "Nguyen Van An");
        claims.put("given_name", "Van An");
        claims.put("family_name", "Nguyen");
        claims.put("birthdate", "1990-04-12");
        claims.put("gender", "male");
        claims.put("acr", "urn:vn:healthid:acr:chip-aa");
        claims.put("auth_time", Instant.now().getEpochSecond());
        claims.put("azp", "telehealth-app");
        return this;
    }

    public TokenBuilder scope(String scope) {
        claims.put("scope", scope);
        return this;
    }

    public TokenBuilder claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    public TokenBuilder without(String name) {
        claims.remove(name);
        return this;
    }

    /** Sets {@code exp}, and {@code iat} five minutes before it as Keycloak would. */
    public TokenBuilder expiresAt(Instant when) {
        claims.put("exp", Date.from(when));
        claims.put("iat", Date.from(when.minus(Duration.ofMinutes(5))));
        return this;
    }

    public TokenBuilder notBefore(Instant when) {
        claims.put("nbf", Date.from(when));
        return this;
    }

    public TokenBuilder headerType(String type) {
        this.headerType = type == null ? null : new JOSEObjectType(type);
        return this;
    }

    public TokenBuilder signedWithEc() {
        this.algorithm = JWSAlgorithm.ES256;
        return this;
    }

    public TokenBuilder signedWith(RSAKey key) {
        this.rsaKey = key;
        return this;
    }

    public TokenBuilder signedWithHmac(byte[] secret) {
        this.algorithm = JWSAlgorithm.HS256;
        this.hmacSecret = secret;
        return this;
    }

    public String sign() {
        try {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
            claims.forEach(set::claim);
            JWSSigner signer;
            String kid;
            if (algorithm.equals(JWSAlgorithm.ES256)) {
                signer = new ECDSASigner(ecKey);
                kid = ecKey.getKeyID();
            } else if (algorithm.equals(JWSAlgorithm.HS256)) {
                signer = new MACSigner(hmacSecret);
                kid = rsaKey.getKeyID();
            } else {
                signer = new RSASSASigner(rsaKey);
                kid = rsaKey.getKeyID();
            }
            JWSHeader header =
                    new JWSHeader.Builder(algorithm).keyID(kid).type(headerType).build();
            SignedJWT jwt = new SignedJWT(header, set.build());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
