package vn.healthid.bridge.smart;

/** SMART v2 permissions, in the order they must appear in a scope ({@code cruds}). */
public enum Interaction {
    CREATE('c'),
    READ('r'),
    UPDATE('u'),
    DELETE('d'),
    SEARCH('s');

    private final char letter;

    Interaction(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }
}
