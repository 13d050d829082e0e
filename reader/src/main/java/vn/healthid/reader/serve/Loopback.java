package vn.healthid.reader.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;

/**
 * The reader hands out citizens' tokens: it listens on the loopback interface only, so that no other machine on
 * the clinic's network can ask it for a read. A bind address that is not a loopback literal is refused at start.
 */
final class Loopback {

    static final String DEFAULT = "127.0.0.1";

    private Loopback() {}

    static InetAddress require(String bind) throws ReaderException {
        String literal = bind == null ? DEFAULT : bind.strip();
        // literals only: a name could resolve differently tomorrow
        if (!literal.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            throw new ReaderException(ReaderError.BIND_REFUSED, "give an address, not a name");
        }
        try {
            InetAddress address = InetAddress.getByName(literal.replace("[", "").replace("]", ""));
            if (!address.isLoopbackAddress()) {
                throw new ReaderException(ReaderError.BIND_REFUSED, literal);
            }
            return address;
        } catch (UnknownHostException e) {
            throw new ReaderException(ReaderError.BIND_REFUSED, literal, e);
        }
    }
}
