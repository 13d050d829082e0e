package vn.healthid.sandbox.cards;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * A SecureRandom whose output is a pure function of (seed, label): SHA-256 over seed, label and a
 * block counter. Sandbox keys, serial numbers and signature nonces come from it, so the same seed
 * gives the same PKI. Never use it for real keys.
 */
final class DeterministicRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private DeterministicRandom(Spi spi) {
        super(spi, null);
    }

    static DeterministicRandom of(long seed, String label) {
        return new DeterministicRandom(new Spi(seed, label));
    }

    @Override
    public String getAlgorithm() {
        return "healthid-sandbox-deterministic";
    }

    private static final class Spi extends SecureRandomSpi {

        private static final long serialVersionUID = 1L;

        private final byte[] prefix;
        private long counter;
        private byte[] block = new byte[0];
        private int used;

        Spi(long seed, String label) {
            byte[] name = label.getBytes(StandardCharsets.UTF_8);
            this.prefix =
                    ByteBuffer.allocate(8 + name.length).putLong(seed).put(name).array();
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            // Ignored on purpose: callers (key generators) must not perturb the deterministic stream.
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                if (used == block.length) {
                    block = nextBlock();
                    used = 0;
                }
                bytes[i] = block[used++];
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] out = new byte[numBytes];
            engineNextBytes(out);
            return out;
        }

        private byte[] nextBlock() {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                sha256.update(prefix);
                return sha256.digest(ByteBuffer.allocate(8).putLong(counter++).array());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
    }
}
