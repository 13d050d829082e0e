package vn.healthid.sandbox.stack.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.stack.DemoFailure;
import vn.healthid.sandbox.stack.Http;
import vn.healthid.sandbox.stack.Realm;
import vn.healthid.sandbox.stack.Sandbox;

/**
 * The clinic's back channel against one node: a challenge, then the chip grant (raw answers, for refusals). Every
 * request carries a synthetic source address ({@link Addresses}); through the balancer it is overwritten anyway.
 */
final class Chip {

    static final String SCOPE =
            "openid profile patient/Patient.rs patient/Coverage.rs patient/CoverageEligibilityRequest.c";
    /**
     * Requests per address of a {@link #rotating} chip: below every per-address rate limit of the product defaults
     * (60 challenges and 60 grants per minute), so a check that makes hundreds of requests is never limited.
     */
    static final int REQUESTS_PER_ADDRESS = 25;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Http http = new Http();
    private final AtomicInteger requests = new AtomicInteger();
    private final IntFunction<String> address;

    private Chip(IntFunction<String> address) {
        this.address = address;
    }

    /** Every request from one address. */
    static Chip from(String address) {
        return new Chip(request -> address);
    }

    /** A new address of {@code check} every {@link #REQUESTS_PER_ADDRESS} requests. */
    static Chip rotating(int check) {
        return new Chip(request -> Addresses.of(check, request / REQUESTS_PER_ADDRESS + 1));
    }

    String challenge(String node) {
        return http.postForm(
                        new Realm(node).url() + "/cccd/challenge",
                        Map.of("client_id", Sandbox.CLINIC, "client_secret", Sandbox.CLINIC_SECRET),
                        Addresses.HEADER,
                        next())
                .expect(200, "challenge")
                .json()
                .path("challenge")
                .asText();
    }

    Http.Response redeem(String node, String bundle) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", Realm.CHIP_GRANT);
        form.put("client_id", Sandbox.CLINIC);
        form.put("client_secret", Sandbox.CLINIC_SECRET);
        form.put("chip_bundle", bundle);
        form.put("scope", SCOPE);
        return http.postForm(new Realm(node).tokenUrl(), form, Addresses.HEADER, next());
    }

    /** A fresh challenge on {@code node} answered by the card, redeemed there: the citizen's token response. */
    Http.Response login(String node, Card card) {
        return redeem(node, card.bundleJson(challenge(node)));
    }

    private String next() {
        return address.apply(requests.getAndIncrement());
    }

    /**
     * The card's files for this challenge with the active-authentication signature of another nonce: what a cloned
     * chip (same files, no private key) would send. The node counts it against the requester (its address and the
     * clinic), never against the card.
     */
    static String withWrongSignature(Card card, String challenge) {
        byte[] other = new byte[32];
        RANDOM.nextBytes(other);
        try {
            ObjectNode bundle = (ObjectNode) Http.JSON.readTree(card.bundleJson(challenge));
            ObjectNode foreign = (ObjectNode) Http.JSON.readTree(
                    card.bundleJson(Base64.getUrlEncoder().withoutPadding().encodeToString(other)));
            bundle.set("aaSignature", foreign.get("aaSignature"));
            return bundle.toString();
        } catch (IOException e) {
            throw new DemoFailure("cannot rewrite the bundle");
        }
    }

    /** error_description of a refused grant, or "issued". */
    static String outcome(Http.Response response) {
        if (response.status() == 200) {
            return "issued";
        }
        String description = response.json().path("error_description").asText();
        return description.isEmpty() ? "HTTP " + response.status() : description;
    }
}
