package vn.healthid.sandbox.vneid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/** The test's relying party: HTTP calls to the stand-in and its own (independent) opening of GCM envelopes. */
final class RelyingParty {

    static final String REDIRECT = "http://127.0.0.1/rp/callback";
    static final String VERIFIER = "test-verifier-0123456789-0123456789-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    final KeyPair keys = generate();
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    StandInSettings settings() {
        return new StandInSettings(
                StandInSettings.SANDBOX_CLIENT_ID,
                StandInSettings.SANDBOX_CLIENT_SECRET,
                keys.getPublic(),
                WireFormat.DEFAULT);
    }

    HttpResponse<String> authorize(VneidStandIn vneid, String extra) throws Exception {
        String url = vneid.authorizeUrl() + "?response_type=code&client_id=" + StandInSettings.SANDBOX_CLIENT_ID
                + "&redirect_uri=" + enc(REDIRECT) + "&state=st-1&code_challenge_method=S256&code_challenge="
                + challenge(VERIFIER) + extra;
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String queryParam(String location, String name) {
        for (String pair : location.substring(location.indexOf('?') + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    HttpResponse<String> postForm(String url, Map<String, String> form) throws Exception {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> token(VneidStandIn vneid, String code, String verifier) throws Exception {
        return postForm(
                vneid.tokenUrl(),
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        REDIRECT,
                        "client_id",
                        StandInSettings.SANDBOX_CLIENT_ID,
                        "client_secret",
                        StandInSettings.SANDBOX_CLIENT_SECRET,
                        "code_verifier",
                        verifier));
    }

    HttpResponse<String> userInfo(VneidStandIn vneid, String accessToken) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(vneid.userInfoUrl()))
                        .header("Authorization", "Bearer " + accessToken)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String plainCode(String sentCode) throws Exception {
        String envelope = new String(Base64.getUrlDecoder().decode(sentCode), StandardCharsets.UTF_8);
        return open(envelope).get("code").asText();
    }

    JsonNode open(String envelopeJson) throws Exception {
        JsonNode envelope = JSON.readTree(envelopeJson);
        byte[] data = Base64.getDecoder().decode(envelope.get("data").asText());
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(
                Cipher.DECRYPT_MODE,
                keys.getPrivate(),
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        byte[] key = rsa.doFinal(Base64.getDecoder().decode(envelope.get("key").asText()));
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(
                Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, Arrays.copyOf(data, 12)));
        return JSON.readTree(aes.doFinal(data, 12, data.length - 12));
    }

    static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
