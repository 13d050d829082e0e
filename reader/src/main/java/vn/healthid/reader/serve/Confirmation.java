package vn.healthid.reader.serve;

/**
 * The clerk's yes for each read a page asks for: a page of an allowed origin cannot read a card that the clerk did
 * not mean to read. {@link #AUTO_UNSAFE} answers yes without asking: for tests and demos only.
 */
@FunctionalInterface
interface Confirmation {

    Confirmation AUTO_UNSAFE = origin -> true;

    /** Blocks until the clerk answers (or gives up); true only on an explicit yes. */
    boolean confirm(String origin);
}
