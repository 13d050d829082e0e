package vn.healthid.reader.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Asks in the terminal: {@code y} (or {@code có}) reads the card, anything else or no answer within the timeout
 * declines. A line typed before the question is thrown away, so a stray {@code y} cannot confirm a later request.
 */
final class TerminalConfirmation implements Confirmation {

    private static final String END = "\u0000end";

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final PrintStream terminal;
    private final Duration timeout;

    TerminalConfirmation(InputStream in, PrintStream terminal, Duration timeout) {
        this.terminal = terminal;
        this.timeout = timeout;
        Thread pump = new Thread(() -> pump(in), "cccd-reader-stdin");
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public synchronized boolean confirm(String origin) {
        lines.removeIf(line -> !line.equals(END));
        terminal.print("cccd-reader: " + origin + " asks to read the card on the reader. Đọc thẻ? Read it? [y/N] ");
        terminal.flush();
        try {
            String answer = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                terminal.println();
                terminal.println("cccd-reader: no answer, declined");
                return false;
            }
            if (answer.equals(END)) {
                lines.add(END);
                return false;
            }
            String word = answer.strip().toLowerCase(java.util.Locale.ROOT);
            return word.equals("y") || word.equals("yes") || word.equals("có") || word.equals("co");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void pump(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the terminal is gone: every later read is declined
        }
        lines.add(END);
    }
}
