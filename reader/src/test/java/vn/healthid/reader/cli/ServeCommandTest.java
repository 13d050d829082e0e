package vn.healthid.reader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.healthid.reader.send.ClientSecret;
import vn.healthid.reader.send.HealthidClient;

/** {@code cccd-reader serve} refuses a configuration that would expose the reader, before it opens a port. */
class ServeCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aBindAddressOtherThanLoopbackIsRefused() {
        for (String bind : new String[] {"0.0.0.0", "10.0.0.5", "::", "my-pc.local"}) {
            int exit = serve("--bind", bind, "--origins", "http://localhost:8090");

            assertThat(exit).as(bind).isEqualTo(2);
        }
        assertThat(err()).contains("BIND_REFUSED").contains("the reader serves on 127.0.0.1 only");
    }

    @Test
    void originsAreRequiredAndMustBeBareOrigins() {
        assertThat(serve()).isEqualTo(2);
        assertThat(err()).contains("--origins is required");
        assertThat(serve("--origins", "*")).isEqualTo(2);
        assertThat(serve("--origins", "http://localhost:8090/reception")).isEqualTo(2);
        assertThat(serve("--origins", "HTTP://LOCALHOST:8090")).isEqualTo(2);
        assertThat(err()).contains("scheme://host[:port]");
    }

    @Test
    void anUnknownConfirmationModeIsRefused() {
        assertThat(serve("--origins", "http://localhost:8090", "--confirm", "auto"))
                .isEqualTo(2);
        assertThat(err()).contains("--confirm is terminal or auto-unsafe-for-tests");
    }

    @Test
    void theSecretIsNeverAFlagInServeModeEither() {
        int exit = serve("--client-secret", "s3cret", "--origins", "http://localhost:8090");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("never a flag").doesNotContain("s3cret");
    }

    private int serve(String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "serve", "--realm-url", "http://127.0.0.1:9/realms/health", "--client-id", "clinic-reception"));
        args.addAll(java.util.List.of(more));
        return new CccdReaderCommand(
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        (name, wait, extended) -> null,
                        new HealthidClient(),
                        Map.of(ClientSecret.ENVIRONMENT, "from-env"))
                .run(args.toArray(String[]::new));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
