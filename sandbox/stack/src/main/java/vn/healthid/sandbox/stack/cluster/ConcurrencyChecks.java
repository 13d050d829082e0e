package vn.healthid.sandbox.stack.cluster;

import static vn.healthid.sandbox.stack.cluster.ClusterChecks.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.stack.DemoFailure;
import vn.healthid.sandbox.stack.Http;
import vn.healthid.sandbox.stack.Realm;

/**
 * What two Keycloak nodes must agree on: single-use challenges, the browser flow, the phone inbox, the card lockout
 * and first logins. Each check uses its own sandbox card, so that a lock or a user one leaves does not touch another.
 */
final class ConcurrencyChecks {

    /** bin/lib/cluster.sh starts the nodes with lockout-threshold 5 (the product's default). */
    static final int LOCKOUT_THRESHOLD = 5;

    private static final Pattern VIEW = Pattern.compile("ISPN00009[34].*?\\] \\((\\d+)\\)");

    private final Cluster cluster;
    private final ClusterEnv env;
    private final String a;
    private final String b;

    ConcurrencyChecks(Cluster cluster) {
        this.cluster = cluster;
        this.env = cluster.env();
        this.a = env.node(0);
        this.b = env.node(1);
    }

    /** Both nodes' last Infinispan view has every node in it. */
    String clusterFormed() {
        List<String> views = new ArrayList<>();
        for (int n = 1; n <= env.keycloakNodes().size(); n++) {
            String last = null;
            try {
                for (String line : Files.readAllLines(env.log("keycloak-" + n))) {
                    Matcher m = VIEW.matcher(line);
                    if (m.find()) {
                        last = m.group(1);
                    }
                }
            } catch (IOException e) {
                throw new DemoFailure("cannot read the log of keycloak-" + n);
            }
            views.add("keycloak-" + n + ": " + (last == null ? "no view" : last + " members"));
            expect(String.valueOf(env.keycloakNodes().size()).equals(last), "cluster views: " + views);
        }
        return String.join(", ", views);
    }

    /** card 1: a challenge issued on one node is redeemed on the other, both ways. */
    String challengeAcrossNodes() {
        Card card = env.card(1);
        Chip chip = new Chip();
        int trials = 50;
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < trials; i++) {
            for (String[] way : new String[][] {{a, b}, {b, a}}) {
                String challenge = chip.challenge(way[0]);
                outcomes.merge(Chip.outcome(chip.redeem(way[1], card.bundleJson(challenge))), 1, Integer::sum);
            }
        }
        expect(outcomes.equals(Map.of("issued", 2 * trials)), "A->B and B->A: " + outcomes);
        return trials + " A->B and " + trials + " B->A redemptions, all issued";
    }

    /** card 1: a redeemed bundle sent again is refused on the node that redeemed it and on the other. */
    String replayRefusedOnEitherNode() {
        Card card = env.card(1);
        Chip chip = new Chip();
        Map<String, Integer> replays = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            String first = i % 2 == 0 ? a : b;
            String bundle = card.bundleJson(chip.challenge(first));
            chip.redeem(first, bundle).expect(200, "first redemption");
            for (String node : List.of(a, b)) {
                replays.merge(Chip.outcome(chip.redeem(node, bundle)), 1, Integer::sum);
            }
        }
        expect(replays.equals(Map.of("CHALLENGE_NOT_ISSUED", 20)), "replays: " + replays);
        return "20 replays (10 on the redeeming node, 10 on the other): all CHALLENGE_NOT_ISSUED";
    }

    /** card 1: one bundle sent to both nodes at the same moment gives exactly one token. */
    String simultaneousRedemptionsGiveOneToken() {
        Card card = env.card(1);
        Chip chip = new Chip();
        int trials = 30;
        int exactlyOne = 0;
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            String bundle = card.bundleJson(chip.challenge(i % 2 == 0 ? a : b));
            List<String> outcomes = Parallel.run(2, k -> Chip.outcome(new Chip().redeem(k == 0 ? a : b, bundle)));
            if (outcomes.stream().filter("issued"::equals).count() == 1) {
                exactlyOne++;
            } else {
                bad.add(outcomes.toString());
            }
        }
        expect(exactlyOne == trials, exactlyOne + " of " + trials + " gave exactly one token; others: " + bad);
        return trials + " of " + trials + " simultaneous pairs (A and B) gave exactly one token";
    }

    /** card 2: the browser starts on one node, the phone posts to the other, the browser finishes on the first. */
    String qrLoginAcrossNodes() {
        Card card = env.card(2);
        String patient = patientOf(card);
        int trials = 10;
        for (int i = 0; i < trials; i++) {
            String browser = i % 2 == 0 ? a : b;
            String phone = i % 2 == 0 ? b : a;
            QrLogin login = QrLogin.start(env, browser);
            login.phone(phone, card.bundleJson(login.challenge())).expect(202, "phone posts on the other node");
            JsonNode tokens = login.exchange(phone, login.finish(browser));
            JsonNode claims = Realm.claims(tokens.path("access_token").asText());
            expect(
                    patient.equals(claims.path("fhirUser").asText())
                            && QrLogin.ACR_CHIP_AA.equals(claims.path("acr").asText()),
                    "trial " + i + ": " + claims.path("fhirUser").asText() + " acr "
                            + claims.path("acr").asText());
        }
        return trials + " of " + trials + " logins (page on one node, phone on the other, code exchanged on the other)";
    }

    /**
     * cards 2 and 3: two phones post different cards to one QR code at the same moment, one on each node: exactly one
     * 202 and one 409, and the login finishes as the card that got the 202 (first wins, never replaced).
     */
    String twoPhonesOneWinner() {
        Card[] cards = {env.card(3), env.card(2)};
        String[] patients = {patientOf(cards[0]), patientOf(cards[1])};
        int trials = 10;
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            QrLogin login = QrLogin.start(env, a);
            String[] bundles = {cards[0].bundleJson(login.challenge()), cards[1].bundleJson(login.challenge())};
            List<Integer> statuses =
                    Parallel.run(2, k -> login.phone(k == 0 ? a : b, bundles[k]).status());
            int winner = statuses.indexOf(202);
            if (winner < 0
                    || !List.of(202, 409).equals(statuses.stream().sorted().toList())) {
                bad.add("trial " + i + ": " + statuses);
                continue;
            }
            String user = Realm.claims(login.exchange(a, login.finish(a))
                            .path("access_token")
                            .asText())
                    .path("fhirUser")
                    .asText();
            if (!user.equals(patients[winner])) {
                bad.add("trial " + i + ": 202 for card " + (winner == 0 ? 3 : 2) + ", logged in as the other");
            }
        }
        expect(bad.isEmpty(), bad.size() + " of " + trials + " trials wrong: " + bad);
        return trials + " of " + trials + " races: one 202, one 409, the login is the 202's card";
    }

    /** card 4: threshold - 1 failures split over both nodes leave the card open. */
    String belowThresholdStaysOpen() {
        Card card = env.card(4);
        requireOpen(card, 4);
        Map<String, Integer> answers = failInParallel(card, LOCKOUT_THRESHOLD - 1);
        expect(!answers.containsKey("CARD_LOCKED"), "answers: " + answers);
        String onA = Chip.outcome(new Chip().login(a, card));
        String onB = Chip.outcome(new Chip().login(b, card));
        expect(
                onA.equals("issued") && onB.equals("issued"),
                "genuine card after the failures: A " + onA + ", B " + onB);
        return (LOCKOUT_THRESHOLD - 1) + " parallel failures " + answers
                + "; the genuine card still logs in on A and B";
    }

    /**
     * card 4 again, after {@link #belowThresholdStaysOpen}: threshold failures one after the other, alternating between
     * the nodes, lock the card on both (the lock is shared; only counting at the same moment is at stake).
     */
    String sequentialFailuresLock() {
        Card card = env.card(4);
        Chip chip = new Chip();
        Map<String, Integer> answers = new TreeMap<>();
        for (int i = 0; i < LOCKOUT_THRESHOLD; i++) {
            String node = i % 2 == 0 ? a : b;
            answers.merge(
                    Chip.outcome(chip.redeem(node, Chip.withWrongSignature(card, chip.challenge(node)))),
                    1,
                    Integer::sum);
        }
        String onA = Chip.outcome(new Chip().login(a, card));
        String onB = Chip.outcome(new Chip().login(b, card));
        expect(
                onA.equals("CARD_LOCKED") && onB.equals("CARD_LOCKED"),
                LOCKOUT_THRESHOLD + " failures in turn " + answers + ", then the genuine card: A " + onA + ", B "
                        + onB);
        return LOCKOUT_THRESHOLD + " failures in turn on A and B " + answers
                + "; the genuine card is then CARD_LOCKED on both";
    }

    /** card 5: exactly threshold failures at once, split over both nodes, lock the card on both. */
    String thresholdInParallelLocks() {
        return lockedAfter(5, LOCKOUT_THRESHOLD);
    }

    /** card 6: 20 failures at once, split over both nodes, lock the card on both. */
    String twentyParallelFailuresLock() {
        return lockedAfter(6, 20);
    }

    private String lockedAfter(int number, int failures) {
        Card card = env.card(number);
        requireOpen(card, number);
        Map<String, Integer> answers = failInParallel(card, failures);
        String onA = Chip.outcome(new Chip().login(a, card));
        String onB = Chip.outcome(new Chip().login(b, card));
        expect(
                onA.equals("CARD_LOCKED") && onB.equals("CARD_LOCKED"),
                failures + " parallel failures " + answers + ", then the genuine card: A " + onA + ", B " + onB
                        + " (the count was lost: a read-then-put counter)");
        return failures + " parallel failures " + answers + "; the genuine card is then CARD_LOCKED on A and B";
    }

    private void requireOpen(Card card, int number) {
        String outcome = Chip.outcome(new Chip().login(a, card));
        if (!outcome.equals("issued")) {
            throw new DemoFailure("card " + number + " does not log in before the check (" + outcome
                    + "); a lock of an earlier run lasts lockout-duration (bin/lib/cluster.sh)");
        }
    }

    /** n AA failures at once, every other one on node B; the answers counted by reason. */
    private Map<String, Integer> failInParallel(Card card, int n) {
        Chip chip = new Chip();
        List<String> bundles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bundles.add(Chip.withWrongSignature(card, chip.challenge(i % 2 == 0 ? a : b)));
        }
        return Parallel.run(n, i -> Chip.outcome(new Chip().redeem(i % 2 == 0 ? a : b, bundles.get(i)))).stream()
                .collect(Collectors.toMap(o -> o, o -> 1, Integer::sum, TreeMap::new));
    }

    /** card 7, whose user is deleted first: six first logins at once, three per node, make one user. */
    String parallelFirstLoginsMakeOneUser() {
        Card card = env.card(7);
        String admin = cluster.adminToken(a);
        Http http = new Http();
        for (JsonNode user : users(http, admin, card)) {
            int status = http.delete(
                            a + "/admin/realms/health/users/" + user.path("id").asText(),
                            "Authorization",
                            "Bearer " + admin)
                    .status();
            expect(status == 204, "deleting the earlier user: HTTP " + status);
        }
        Chip chip = new Chip();
        List<String> bundles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bundles.add(card.bundleJson(chip.challenge(i % 2 == 0 ? a : b)));
        }
        List<Http.Response> answers = Parallel.run(6, i -> new Chip().redeem(i % 2 == 0 ? a : b, bundles.get(i)));
        Set<String> subjects = new HashSet<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Http.Response answer : answers) {
            outcomes.merge(Chip.outcome(answer), 1, Integer::sum);
            if (answer.status() == 200) {
                subjects.add(Realm.claims(answer.json().path("access_token").asText())
                        .path("sub")
                        .asText());
            }
        }
        int count = users(http, admin, card).size();
        expect(count == 1 && subjects.size() == 1, "users: " + count + ", subjects " + subjects + ", " + outcomes);
        return "6 parallel first logins (3 per node) " + outcomes + " -> 1 user";
    }

    private List<JsonNode> users(Http http, String admin, Card card) {
        JsonNode found = http.get(
                        a + "/admin/realms/health/users?exact=true&briefRepresentation=true&q="
                                + Http.enc("national_id:" + card.citizen().number()),
                        "Authorization",
                        "Bearer " + admin)
                .expect(200, "user search")
                .json();
        List<JsonNode> users = new ArrayList<>();
        found.forEach(users::add);
        return users;
    }

    /** The card's Patient reference, from a back-channel login. */
    private String patientOf(Card card) {
        Http.Response response = new Chip().login(a, card).expect(200, "back-channel login");
        return Realm.claims(response.json().path("access_token").asText())
                .path("fhirUser")
                .asText();
    }
}
