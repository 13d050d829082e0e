package vn.healthid.bridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every store implementation must have; run against the in-memory store and real
 * Redis by the subclasses. Names are unique per test so that tests never depend on each other.
 */
abstract class StoreContract {

    protected abstract DocumentStore documents();

    protected abstract SingleUseStore singleUse();

    protected abstract TtlCache cache();

    protected abstract EventStream streams();

    private static String unique(String name) {
        return name + "-" + System.nanoTime();
    }

    @Test
    void createStartsAtVersionOneAndReadsBack() {
        String id = unique("p");
        StoredDocument created = documents().put("Patient", id, "{\"a\":1}", DocumentStore.MUST_NOT_EXIST);

        assertThat(created.version()).isEqualTo(1);
        assertThat(documents().get("Patient", id)).hasValueSatisfying(doc -> {
            assertThat(doc.body()).isEqualTo("{\"a\":1}");
            assertThat(doc.version()).isEqualTo(1);
        });
    }

    @Test
    void secondCreateOfTheSameIdConflicts() {
        String id = unique("p");
        documents().put("Patient", id, "{}", DocumentStore.MUST_NOT_EXIST);

        assertThatThrownBy(() -> documents().put("Patient", id, "{}", DocumentStore.MUST_NOT_EXIST))
                .isInstanceOfSatisfying(
                        VersionConflictException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(1));
    }

    @Test
    void updateWithTheCurrentVersionIncrementsIt() {
        String id = unique("p");
        documents().put("Patient", id, "{}", DocumentStore.MUST_NOT_EXIST);

        assertThat(documents().put("Patient", id, "{\"b\":2}", 1).version()).isEqualTo(2);
        assertThat(documents().get("Patient", id).orElseThrow().body()).isEqualTo("{\"b\":2}");
    }

    @Test
    void updateWithAStaleVersionConflictsAndKeepsTheDocument() {
        String id = unique("p");
        documents().put("Patient", id, "{\"v\":1}", DocumentStore.MUST_NOT_EXIST);
        documents().put("Patient", id, "{\"v\":2}", 1);

        assertThatThrownBy(() -> documents().put("Patient", id, "{\"v\":3}", 1))
                .isInstanceOf(VersionConflictException.class);
        assertThat(documents().get("Patient", id).orElseThrow().body()).isEqualTo("{\"v\":2}");
    }

    @Test
    void concurrentCompareAndSetLetsExactlyOneWriterWin() throws Exception {
        String id = unique("p");
        documents().put("Patient", id, "{}", DocumentStore.MUST_NOT_EXIST);
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String body = "{\"writer\":" + i + "}";
            writers.add(() -> {
                try {
                    documents().put("Patient", id, body, 1);
                    return true;
                } catch (VersionConflictException e) {
                    return false;
                }
            });
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            long winners = 0;
            for (Future<Boolean> result : pool.invokeAll(writers)) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        }
        assertThat(documents().get("Patient", id).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void deleteChecksTheVersion() {
        String id = unique("p");
        documents().put("Patient", id, "{}", DocumentStore.MUST_NOT_EXIST);

        assertThatThrownBy(() -> documents().delete("Patient", id, 7)).isInstanceOf(VersionConflictException.class);
        assertThat(documents().delete("Patient", id, 1)).isTrue();
        assertThat(documents().get("Patient", id)).isEmpty();
        assertThat(documents().delete("Patient", id, DocumentStore.ANY_VERSION)).isFalse();
    }

    @Test
    void singleUseItemIsTakenOnce() {
        String key = unique("ticket");
        assertThat(singleUse().put(key, "room-42", Duration.ofMinutes(1))).isTrue();

        assertThat(singleUse().take(key)).contains("room-42");
        assertThat(singleUse().take(key)).isEmpty();
    }

    @Test
    void singleUseKeyCannotBeReusedWhileLive() {
        String key = unique("ticket");
        singleUse().put(key, "first", Duration.ofMinutes(1));

        assertThat(singleUse().put(key, "second", Duration.ofMinutes(1))).isFalse();
        assertThat(singleUse().take(key)).contains("first");
    }

    @Test
    void concurrentTakersGetTheItemExactlyOnce() throws Exception {
        String key = unique("ticket");
        singleUse().put(key, "once", Duration.ofMinutes(1));
        List<Callable<Optional<String>>> takers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            takers.add(() -> singleUse().take(key));
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            long got = 0;
            for (Future<Optional<String>> result : pool.invokeAll(takers)) {
                got += result.get().isPresent() ? 1 : 0;
            }
            assertThat(got).isEqualTo(1);
        }
    }

    @Test
    void expiredSingleUseItemIsGone() throws InterruptedException {
        String key = unique("ticket");
        singleUse().put(key, "short", Duration.ofMillis(50));
        Thread.sleep(200);

        assertThat(singleUse().take(key)).isEmpty();
    }

    @Test
    void cacheReturnsWhatWasPutUntilRemoved() {
        String key = unique("elig");
        cache().put(key, "{\"ok\":true}", Duration.ofMinutes(1));

        assertThat(cache().get(key)).contains("{\"ok\":true}");
        cache().remove(key);
        assertThat(cache().get(key)).isEmpty();
    }

    @Test
    void cachePutIfAbsentHasOneWinner() {
        String key = unique("lock");

        assertThat(cache().putIfAbsent(key, "a", Duration.ofMinutes(1))).isTrue();
        assertThat(cache().putIfAbsent(key, "b", Duration.ofMinutes(1))).isFalse();
        assertThat(cache().get(key)).contains("a");
    }

    @Test
    void cacheEntryExpires() throws InterruptedException {
        String key = unique("elig");
        cache().put(key, "v", Duration.ofMillis(50));
        Thread.sleep(200);

        assertThat(cache().get(key)).isEmpty();
        assertThat(cache().putIfAbsent(key, "w", Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void streamKeepsEntriesInOrderAndReadsAfterAnId() {
        String stream = unique("audit");
        String first = streams().append(stream, Map.of("action", "read", "n", "1"));
        String second = streams().append(stream, Map.of("action", "read", "n", "2"));
        streams().append(stream, Map.of("action", "search", "n", "3"));

        List<StreamEntry> all = streams().read(stream, null, 10);
        assertThat(all).extracting(e -> e.fields().get("n")).containsExactly("1", "2", "3");
        assertThat(all.get(0).id()).isEqualTo(first);
        assertThat(streams().read(stream, first, 10))
                .extracting(StreamEntry::id)
                .startsWith(second);
        assertThat(streams().read(stream, null, 2)).hasSize(2);
    }

    @Test
    void oneEntryAppendedToEachStreamLandsInEveryOneInOrder() {
        String person = unique("person");
        String shared = unique("shared");
        streams().append(shared, Map.of("n", "0"));

        List<String> ids = streams().appendToEach(List.of(person, shared), Map.of("action", "read", "n", "1"));

        assertThat(ids).hasSize(2);
        assertThat(streams().read(person, null, 10)).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(ids.get(0));
            assertThat(e.fields()).containsEntry("action", "read").containsEntry("n", "1");
        });
        assertThat(streams().read(shared, null, 10))
                .extracting(StreamEntry::id)
                .hasSize(2)
                .last()
                .isEqualTo(ids.get(1));
    }

    @Test
    void unknownStreamReadsEmpty() {
        assertThat(streams().read(unique("none"), null, 10)).isEmpty();
    }
}
