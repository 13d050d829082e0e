package vn.healthid.bridge.store;

/** Stream entry ids ({@code <millis>-<sequence>}), compared numerically as Redis does. */
public record StreamIds(long millis, long sequence) implements Comparable<StreamIds> {

    public static StreamIds parse(String id) {
        int dash = id.indexOf('-');
        if (dash < 0) {
            return new StreamIds(Long.parseLong(id), 0);
        }
        return new StreamIds(Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
    }

    @Override
    public int compareTo(StreamIds other) {
        int byMillis = Long.compare(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
