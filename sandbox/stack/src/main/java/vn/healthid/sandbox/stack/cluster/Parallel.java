package vn.healthid.sandbox.stack.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import vn.healthid.sandbox.stack.DemoFailure;

/** Runs n calls at once: every thread is ready before any sends, so the requests meet on the servers. */
final class Parallel {

    private Parallel() {}

    static <T> List<T> run(int n, IntFunction<T> call) {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.apply(index);
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof DemoFailure failure
                    ? failure
                    : new DemoFailure("a parallel call failed: " + e.getCause());
        }
    }
}
