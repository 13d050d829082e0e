package vn.healthid.reader.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The clerk's y/N in the terminal: only an explicit yes reads a card. */
class TerminalConfirmationTest {

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

    @Test
    void yesInEitherLanguageConfirmsAndTheQuestionNamesThePage() throws Exception {
        try (PipedOutputStream keyboard = new PipedOutputStream()) {
            TerminalConfirmation confirmation = confirmation(new PipedInputStream(keyboard), Duration.ofMinutes(1));
            Thread typist = new Thread(() -> {
                type(keyboard, "y\n", 1);
                type(keyboard, "có\n", 2);
            });

            typist.start();
            boolean first = confirmation.confirm("http://localhost:8090");
            boolean again = confirmation.confirm("http://localhost:8090");
            typist.join();

            assertThat(first).isTrue();
            assertThat(again).isTrue();
            assertThat(terminal.toString(StandardCharsets.UTF_8))
                    .contains("http://localhost:8090 asks to read the card")
                    .contains("[y/N]");
        }
    }

    @Test
    void anythingElseAClosedTerminalOrNoAnswerDeclines() {
        assertThat(confirmation(input("n\n"), Duration.ofMinutes(1)).confirm("o"))
                .isFalse();
        assertThat(confirmation(input("\n"), Duration.ofMinutes(1)).confirm("o"))
                .isFalse();
        assertThat(confirmation(input(""), Duration.ofMinutes(1)).confirm("o")).isFalse();
    }

    @Test
    void noAnswerWithinTheTimeoutDeclines() throws Exception {
        try (PipedOutputStream silentKeyboard = new PipedOutputStream()) {
            PipedInputStream in = new PipedInputStream(silentKeyboard);

            assertThat(confirmation(in, Duration.ofMillis(1)).confirm("o")).isFalse();
            assertThat(terminal.toString(StandardCharsets.UTF_8)).contains("no answer, declined");
        }
    }

    private TerminalConfirmation confirmation(java.io.InputStream in, Duration timeout) {
        return new TerminalConfirmation(in, new PrintStream(terminal, true, StandardCharsets.UTF_8), timeout);
    }

    private static ByteArrayInputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Types once the n-th question is out: the confirmation drops lines typed before it asks. */
    private void type(PipedOutputStream keyboard, String line, int question) {
        try {
            while (terminal.toString(StandardCharsets.UTF_8).split("\\[y/N] ", -1).length <= question) {
                Thread.onSpinWait();
            }
            keyboard.write(line.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
