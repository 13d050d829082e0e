package vn.healthid.reader.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import vn.healthid.reader.chip.ChipRead;
import vn.healthid.reader.chip.ChipReader;
import vn.healthid.reader.chip.ReadProgress;
import vn.healthid.reader.chip.ReadStats;
import vn.healthid.reader.chip.ReaderSettings;
import vn.healthid.reader.chip.Sandbox;
import vn.healthid.sandbox.cards.AaKey;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.CardSpec;
import vn.healthid.sandbox.cards.chip.EmulatedCardService;

/**
 * Full reads against the emulated chip: APDUs and bytes per phase (exact, they do not depend on the machine) and the
 * time per phase (median and 90th percentile after warm-up). Run by hand, see docs/benchmarks-reader-section.md:
 * {@code java -cp ... vn.healthid.reader.bench.ReaderBenchmark [warmup] [reads]}.
 */
public final class ReaderBenchmark {

    private ReaderBenchmark() {}

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Sandbox sandbox = Sandbox.get();
        System.out.printf(
                "%-16s %-8s %6s %8s %8s | %6s %8s %8s | %5s %6s %6s | %s%n",
                "card",
                "apdus",
                "AC",
                "AC tx",
                "AC rx",
                "files",
                "files tx",
                "files rx",
                "AA",
                "AA tx",
                "AA rx",
                "ms median (p90): AC / files / AA / total");
        for (AaKey aaKey : new AaKey[] {AaKey.RSA_2048_SHA256, AaKey.EC_P256_SHA256, AaKey.NONE}) {
            Card card = sandbox.card(CardSpec.defaults().withAaKey(aaKey));
            for (boolean extended : new boolean[] {true, false}) {
                run(card, aaKey.name().substring(0, Math.min(aaKey.name().length(), 15)), extended, warmup, reads);
            }
        }
    }

    private static void run(Card card, String label, boolean extended, int warmup, int reads) throws Exception {
        ChipReader reader = new ChipReader(ReaderSettings.defaults());
        byte[] nonce = new byte[32];
        List<ReadStats> stats = new ArrayList<>();
        for (int i = 0; i < warmup + reads; i++) {
            EmulatedCardService service = new EmulatedCardService(card).withExtendedLength(extended);
            ChipRead read = reader.read(service, Sandbox.keyOf(card), nonce, ReadProgress.NONE);
            if (i >= warmup) {
                stats.add(read.stats());
            }
        }
        ReadStats one = stats.get(0);
        AirTime air = new AirTime(new EmulatedCardService(card).withExtendedLength(extended));
        reader.read(air, Sandbox.keyOf(card), nonce, ReadProgress.NONE);
        long[] onAir = air.air();
        System.out.printf(
                "%-16s %-8s %6d %8d %8d | %6d %8d %8d | %5d %6d %6d | %s / %s / %s / %s%n",
                label,
                extended ? "extended" : "short",
                one.accessControl().apdus(),
                one.accessControl().commandBytes(),
                one.accessControl().responseBytes(),
                one.files().apdus(),
                one.files().commandBytes(),
                one.files().responseBytes(),
                one.activeAuthentication().apdus(),
                one.activeAuthentication().commandBytes(),
                one.activeAuthentication().responseBytes(),
                millis(stats, s -> s.accessControl().nanos()),
                millis(stats, s -> s.files().nanos()),
                millis(stats, s -> s.activeAuthentication().nanos()),
                millis(stats, s -> s.total().nanos()));
        System.out.printf(
                "%-16s %-8s on the air: %d bytes in %d frames; 106 kbit/s %.0f ms, 424 kbit/s %.0f ms (transfer only)%n",
                "",
                "",
                onAir[0],
                onAir[1],
                AirTime.seconds(onAir, 106_000) * 1000,
                AirTime.seconds(onAir, 424_000) * 1000);
    }

    private static String millis(List<ReadStats> stats, ToLongFunction<ReadStats> nanos) {
        long[] sorted = stats.stream().mapToLong(nanos).sorted().toArray();
        return String.format("%.2f (%.2f)", sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6);
    }
}
