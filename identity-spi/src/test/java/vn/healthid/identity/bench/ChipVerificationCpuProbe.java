package vn.healthid.identity.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Not a test: the same operations as {@link ChipVerificationBenchmark}, timed by the benchmark thread's own CPU time
 * ({@code ThreadMXBean.getCurrentThreadCpuTime}) instead of the wall clock, with the bytes it allocates per
 * operation. On a machine shared with other builds, wall-clock samples of the longer operations are inflated by
 * preemption and by garbage-collection pauses whose threads wait for a core; thread CPU time counts only the work
 * the operation itself does (docs/benchmarks.md, "Chip verification").
 *
 * <pre>
 * java -cp &lt;test classes, classes, test class path&gt; vn.healthid.identity.bench.ChipVerificationCpuProbe
 * </pre>
 */
public final class ChipVerificationCpuProbe {

    private static final int WARMUP_OPERATIONS = 20_000;
    private static final int BATCHES = 41;
    private static final long BATCH_CPU_NANOS = 20_000_000;
    private static final int CHUNK = 16;

    private ChipVerificationCpuProbe() {}

    public static void main(String[] args) throws Exception {
        for (String scheme : List.of("RSA_PKCS1_SHA256", "ECDSA_P256_SHA256")) {
            ChipVerificationBenchmark bench = new ChipVerificationBenchmark();
            bench.scheme = scheme;
            bench.setUp();
            Map<String, Callable<Object>> operations = new LinkedHashMap<>();
            operations.put("dataGroupHashes", bench::dataGroupHashes);
            operations.put("sodSignatureVerify", bench::sodSignatureVerify);
            operations.put("documentSignerCertificateVerify", bench::documentSignerCertificateVerify);
            operations.put("activeAuthenticationVerify", bench::activeAuthenticationVerify);
            operations.put("fullVerificationChainCached", bench::fullVerificationChainCached);
            operations.put("fullVerificationChainNotCached", bench::fullVerificationChainNotCached);
            for (Map.Entry<String, Callable<Object>> operation : operations.entrySet()) {
                double[] median = measure(operation.getValue());
                System.out.printf(
                        "%s %s cpu_us_per_op_median=%.1f allocated_bytes_per_op=%.0f%n",
                        scheme, operation.getKey(), median[0], median[1]);
            }
        }
    }

    /** Median over batches of CPU microseconds and allocated bytes per operation. */
    private static double[] measure(Callable<Object> operation) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        Object sink = null;
        for (int i = 0; i < WARMUP_OPERATIONS; i++) {
            sink = operation.call();
        }
        List<double[]> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long allocatedStart = threads.getThreadAllocatedBytes(thread);
            int count = 0;
            // the CPU clock is read between chunks of operations, so that reading it costs nothing visible
            while (threads.getCurrentThreadCpuTime() - cpuStart < BATCH_CPU_NANOS) {
                for (int i = 0; i < CHUNK; i++) {
                    sink = operation.call();
                }
                count += CHUNK;
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            long allocated = threads.getThreadAllocatedBytes(thread) - allocatedStart;
            batches.add(new double[] {cpu / 1000.0 / count, (double) allocated / count});
        }
        if (sink == null) {
            throw new IllegalStateException("operation returned nothing");
        }
        double[] cpu = batches.stream().mapToDouble(v -> v[0]).sorted().toArray();
        double[] bytes = batches.stream().mapToDouble(v -> v[1]).sorted().toArray();
        return new double[] {cpu[cpu.length / 2], bytes[bytes.length / 2]};
    }
}
