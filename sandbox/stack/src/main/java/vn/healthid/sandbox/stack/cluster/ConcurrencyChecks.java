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

    /** The abuse settings bin/lib/cluster.sh starts the nodes with (the product's defaults but the lockout time). */
    static final int ADDRESS_THRESHOLD = 20;

    static final long LOCKOUT_SECONDS = 120;
    static final int RATE_GRANT_ADDRESS = 60;
    static final long RATE_WINDOW_SECONDS = 60;
    static final String TOO_MANY_FAILURES = "TOO_MANY_FAILURES";

    /** The second octet of each check's {@link Addresses}. */
    static final int CHECK_SETUP = 1;

    static final int CHECK_CHALLENGE = 2;
    static final int CHECK_REPLAY = 3;
    static final int CHECK_SIMULTANEOUS = 4;
    static final int CHECK_QR = 5;
    static final int CHECK_PHONE_RACE = 6;
    static final int CHECK_RATE = 7;
    static final int CHECK_LOCKOUT_BELOW = 8;
    static final int CHECK_LOCKOUT_EXACT = 9;
    static final int CHECK_OTHER_ADDRESS = 10;
    static final int CHECK_LOCKOUT_SEQUENTIAL = 11;
    static final int CHECK_FIRST_LOGIN = 12;
    static final int CHECK_CHALLENGES = 13;
    static final int CHECK_FAULTS = 14;

    private static final Pattern VIEW = Pattern.compile("ISPN00009[34].*?\\] \\((\\d+)\\)");

    private final Cluster cluster;
    private final ClusterEnv env;
    private final String a;
    private final String b;
    private final Chip setup = Chip.rotating(CHECK_SETUP);
    /** Issues the challenges of the failure checks, from addresses of their own (challenges are rate limited too). */
    private final Chip issuer = Chip.rotating(CHECK_CHALLENGES);

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
        Chip chip = Chip.rotating(CHECK_CHALLENGE);
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
        Chip chip = Chip.rotating(CHECK_REPLAY);
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
        Chip chip = Chip.rotating(CHECK_SIMULTANEOUS);
        int trials = 30;
        int exactlyOne = 0;
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            String bundle = card.bundleJson(chip.challenge(i % 2 == 0 ? a : b));
            List<String> outcomes = Parallel.run(2, k -> Chip.outcome(chip.redeem(k == 0 ? a : b, bundle)));
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
            login.phone(phone, card.bundleJson(login.challenge()), Addresses.of(CHECK_QR, 1))
                    .expect(202, "phone posts on the other node");
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
     * 202 and one 409 (first wins, never replaced). Two cards at one code mean someone else saw it, so the login stops
     * ({@code BUNDLE_DELIVERED_TWICE}, docs/chip-login.md): the browser gets no code for either card, and the code takes
     * no further card.
     */
    String twoPhonesOneWinner() {
        Card[] cards = {env.card(3), env.card(2)};
        int trials = 10;
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            QrLogin login = QrLogin.start(env, a);
            String[] bundles = {cards[0].bundleJson(login.challenge()), cards[1].bundleJson(login.challenge())};
            List<Integer> statuses = Parallel.run(
                    2,
                    k -> login.phone(k == 0 ? a : b, bundles[k], Addresses.of(CHECK_PHONE_RACE, k + 1))
                            .status());
            if (!List.of(202, 409).equals(statuses.stream().sorted().toList())) {
                bad.add("trial " + i + ": " + statuses);
                continue;
            }
            Http.Response page = login.continueOnce(i % 2 == 0 ? a : b);
            if (page.status() != 403 || !page.body().contains("BUNDLE_DELIVERED_TWICE")) {
                bad.add("trial " + i + ": the browser got HTTP " + page.status() + " "
                        + page.location().orElse("") + ", not the stopped login");
                continue;
            }
            int late = login.phone(b, bundles[0], Addresses.of(CHECK_PHONE_RACE, 3))
                    .status();
            if (late == 202) {
                bad.add("trial " + i + ": the stopped login's code took a third card");
            }
        }
        expect(bad.isEmpty(), bad.size() + " of " + trials + " trials wrong: " + bad);
        return trials + " of " + trials
                + " races: one 202, one 409; the login then stopped (BUNDLE_DELIVERED_TWICE), no code, no third card";
    }

    /**
     * Chip grants at once from one address, split over A and B, more than the per-address limit: exactly the limit
     * pass, the rest answer 429 {@code RATE_LIMITED} (the count is exact across nodes), and the address stays limited
     * on both nodes to the end of the window. Genuine logins of card 1, the challenges issued from other addresses.
     */
    String rateLimitExactAcrossNodes() {
        Card card = env.card(1);
        String address = Addresses.of(CHECK_RATE, 1);
        int burst = RATE_GRANT_ADDRESS + 10;
        Chip issuer = Chip.rotating(CHECK_RATE + 100);
        List<String> bundles = new ArrayList<>();
        for (int i = 0; i < burst + 2; i++) {
            bundles.add(card.bundleJson(issuer.challenge(i % 2 == 0 ? a : b)));
        }
        Chip chip = Chip.from(address);
        awaitWindowRoom(RATE_WINDOW_SECONDS, 25);
        Map<String, Integer> answers =
                count(Parallel.run(burst, i -> Chip.outcome(chip.redeem(i % 2 == 0 ? a : b, bundles.get(i)))));
        String onA = Chip.outcome(chip.redeem(a, bundles.get(burst)));
        String onB = Chip.outcome(chip.redeem(b, bundles.get(burst + 1)));
        expect(
                answers.equals(Map.of("issued", RATE_GRANT_ADDRESS, "RATE_LIMITED", burst - RATE_GRANT_ADDRESS))
                        && onA.equals("RATE_LIMITED")
                        && onB.equals("RATE_LIMITED"),
                burst + " grants at once from one address (limit " + RATE_GRANT_ADDRESS + "): " + answers + "; then A "
                        + onA + ", B " + onB);
        return burst + " genuine grants at once from one address over A and B (limit " + RATE_GRANT_ADDRESS + " per "
                + RATE_WINDOW_SECONDS + " s): " + answers + "; then RATE_LIMITED on A and B";
    }

    /**
     * card 4: threshold - 1 failures at once from one address, split over both nodes, leave that address open (the
     * genuine card logs in from it on A and B); the threshold-th failure, one more, locks it on both.
     */
    String belowThresholdStaysOpen() {
        Card card = env.card(4);
        String address = Addresses.of(CHECK_LOCKOUT_BELOW, 1);
        requireOpen(card, 4, address);
        awaitWindowRoom(LOCKOUT_SECONDS, 40);
        Map<String, Integer> answers = failInParallel(card, ADDRESS_THRESHOLD - 1, address);
        expect(onlyFailures(answers, ADDRESS_THRESHOLD - 1), "answers: " + answers);
        Chip chip = Chip.from(address);
        String onA = Chip.outcome(chip.login(a, card));
        String onB = Chip.outcome(chip.login(b, card));
        expect(
                onA.equals("issued") && onB.equals("issued"),
                (ADDRESS_THRESHOLD - 1) + " parallel failures " + answers
                        + ", then the genuine card from that address: A " + onA + ", B " + onB);
        String last = Chip.outcome(chip.redeem(b, Chip.withWrongSignature(card, chip.challenge(b))));
        String lockedA = Chip.outcome(chip.login(a, card));
        String lockedB = Chip.outcome(chip.login(b, card));
        expect(
                !last.equals(TOO_MANY_FAILURES)
                        && !last.equals("issued")
                        && lockedA.equals(TOO_MANY_FAILURES)
                        && lockedB.equals(TOO_MANY_FAILURES),
                "failure " + ADDRESS_THRESHOLD + ": " + last + "; then the genuine card: A " + lockedA + ", B "
                        + lockedB);
        return (ADDRESS_THRESHOLD - 1) + " parallel failures from one address " + answers
                + ": the genuine card still logs in from it on A and B; failure " + ADDRESS_THRESHOLD + " (" + last
                + ") locks it: " + TOO_MANY_FAILURES + " on A and B";
    }

    /**
     * card 5: exactly threshold failures at once from one address, split over both nodes: each is refused for its
     * proof (the lock exists only once the threshold-th is counted, so none of them meets it), and the address is then
     * locked on both nodes: the genuine card from it is refused {@code TOO_MANY_FAILURES}.
     */
    String thresholdInParallelLocks() {
        Card card = env.card(5);
        String address = Addresses.of(CHECK_LOCKOUT_EXACT, 1);
        requireOpen(card, 5, address);
        awaitWindowRoom(LOCKOUT_SECONDS, 30);
        Map<String, Integer> answers = failInParallel(card, ADDRESS_THRESHOLD, address);
        Chip chip = Chip.from(address);
        String onA = Chip.outcome(chip.login(a, card));
        String onB = Chip.outcome(chip.login(b, card));
        expect(
                onlyFailures(answers, ADDRESS_THRESHOLD)
                        && onA.equals(TOO_MANY_FAILURES)
                        && onB.equals(TOO_MANY_FAILURES),
                ADDRESS_THRESHOLD + " parallel failures " + answers + ", then the genuine card from that address: A "
                        + onA + ", B " + onB);
        return ADDRESS_THRESHOLD + " parallel failures from one address (" + (ADDRESS_THRESHOLD + 1) / 2
                + " on A, " + ADDRESS_THRESHOLD / 2 + " on B) " + answers + "; the genuine card from it is then "
                + TOO_MANY_FAILURES + " on A and B";
    }

    /**
     * card 5 again, after {@link #thresholdInParallelLocks}: its number failed {@code threshold} times from another
     * address, yet the genuine card logs in from a fresh address on A and on B. Failures are never counted per card
     * number (it is unverified: docs/chip-login.md section 8).
     */
    String genuineCardFromAnotherAddress() {
        Card card = env.card(5);
        Chip locked = Chip.from(Addresses.of(CHECK_LOCKOUT_EXACT, 1));
        String stillLocked = Chip.outcome(locked.login(a, card));
        Chip fresh = Chip.from(Addresses.of(CHECK_OTHER_ADDRESS, 1));
        String onA = Chip.outcome(fresh.login(a, card));
        String onB = Chip.outcome(fresh.login(b, card));
        expect(
                stillLocked.equals(TOO_MANY_FAILURES) && onA.equals("issued") && onB.equals("issued"),
                "the locked address: " + stillLocked + "; the genuine card from another address: A " + onA + ", B "
                        + onB);
        return "card 5's number failed " + ADDRESS_THRESHOLD + " times from a locked address (still " + stillLocked
                + "); the genuine card from another address: issued on A and B";
    }

    /**
     * card 6: threshold failures one after the other from one address, alternating between the nodes, lock that
     * address on both (the count is shared; this is the plain case beside the parallel ones).
     */
    String sequentialFailuresLock() {
        Card card = env.card(6);
        String address = Addresses.of(CHECK_LOCKOUT_SEQUENTIAL, 1);
        requireOpen(card, 6, address);
        awaitWindowRoom(LOCKOUT_SECONDS, 60);
        Chip chip = Chip.from(address);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < ADDRESS_THRESHOLD; i++) {
            String node = i % 2 == 0 ? a : b;
            outcomes.add(Chip.outcome(chip.redeem(node, Chip.withWrongSignature(card, chip.challenge(node)))));
        }
        Map<String, Integer> answers = count(outcomes);
        String onA = Chip.outcome(chip.login(a, card));
        String onB = Chip.outcome(chip.login(b, card));
        expect(
                onlyFailures(answers, ADDRESS_THRESHOLD)
                        && onA.equals(TOO_MANY_FAILURES)
                        && onB.equals(TOO_MANY_FAILURES),
                ADDRESS_THRESHOLD + " failures in turn " + answers + ", then the genuine card from that address: A "
                        + onA + ", B " + onB);
        return ADDRESS_THRESHOLD + " failures in turn on A and B from one address " + answers
                + "; the genuine card from it is then " + TOO_MANY_FAILURES + " on both";
    }

    /** Refused for their proof, every one of them: neither issued, nor rate limited, nor refused by a lock. */
    private static boolean onlyFailures(Map<String, Integer> answers, int n) {
        return answers.values().stream().mapToInt(Integer::intValue).sum() == n
                && !answers.containsKey("issued")
                && !answers.containsKey(TOO_MANY_FAILURES)
                && !answers.containsKey("RATE_LIMITED");
    }

    private void requireOpen(Card card, int number, String address) {
        String outcome = Chip.outcome(Chip.from(address).login(a, card));
        if (!outcome.equals("issued")) {
            throw new DemoFailure("card " + number + " does not log in from " + address + " before the check ("
                    + outcome + "); the clinic's failure count of an earlier run within lockout-duration "
                    + "(bin/lib/cluster.sh) may have locked the client");
        }
    }

    /** n AA failures at once from one address, every other one on node B; the answers counted by reason. */
    private Map<String, Integer> failInParallel(Card card, int n, String address) {
        Chip chip = Chip.from(address);
        List<String> bundles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bundles.add(Chip.withWrongSignature(card, issuer.challenge(i % 2 == 0 ? a : b)));
        }
        return count(Parallel.run(n, i -> Chip.outcome(chip.redeem(i % 2 == 0 ? a : b, bundles.get(i)))));
    }

    private static Map<String, Integer> count(List<String> outcomes) {
        return outcomes.stream().collect(Collectors.toMap(o -> o, o -> 1, Integer::sum, TreeMap::new));
    }

    /**
     * Waits, when fewer than {@code seconds} are left, for the next fixed window of {@code window} seconds: the
     * product's counters use windows aligned to multiples of their length (identity-spi SlotCounter), and a check whose
     * requests straddled two windows would see two allowances. The nodes run on this machine's clock.
     */
    private static void awaitWindowRoom(long window, long seconds) {
        long now = System.currentTimeMillis();
        long left = window * 1000 - now % (window * 1000);
        if (left < seconds * 1000) {
            try {
                Thread.sleep(left + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure("interrupted");
            }
        }
    }

    /**
     * card 7, whose user is deleted first: six first logins at once, three per node, all log in and make one user (the
     * unique username decides who creates it; the others take that account, CitizenUsers.create).
     */
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
        Chip chip = Chip.from(Addresses.of(CHECK_FIRST_LOGIN, 1));
        List<String> bundles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bundles.add(card.bundleJson(chip.challenge(i % 2 == 0 ? a : b)));
        }
        List<Http.Response> answers = Parallel.run(6, i -> chip.redeem(i % 2 == 0 ? a : b, bundles.get(i)));
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
        expect(
                count == 1 && subjects.size() == 1 && outcomes.equals(Map.of("issued", 6)),
                "users: " + count + ", subjects " + subjects + ", " + outcomes);
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
        Http.Response response = setup.login(a, card).expect(200, "back-channel login");
        return Realm.claims(response.json().path("access_token").asText())
                .path("fhirUser")
                .asText();
    }
}
