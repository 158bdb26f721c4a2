package io.akhbar.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ImportTest {

    private final FakeIngest ingest = new FakeIngest();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    ImportTest() throws Exception {
    }

    @AfterEach
    void stop() {
        ingest.close();
    }

    @Test
    void importsAFolderInBatchesPrintsProgressAndASummaryAndExitsOneOnRejections() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "قال ويتكوف إنه سيسافر إلى موسكو.");
        Files.createDirectories(dir.resolve("more"));
        Files.writeString(dir.resolve("more/b.ndjson"), "{\"body\":\"الأول\"}\n{\"body\":\"\"}\n{\"body\":\"الثالث\"}\n");
        Files.writeString(dir.resolve("more/c.json"), "[{\"body\": ");

        int exit = run(dir.toString(), "--url", ingest.url().toString(), "--batch-size", "2");

        assertThat(exit).isEqualTo(1);
        assertThat(ingest.requests).extracting(java.util.List::size).containsExactly(2, 2);
        assertThat(text(out)).startsWith("Imported 3 files from " + dir
                        + ": 4 items: 3 accepted, 0 duplicates, 1 rejected; 1 unreadable files.")
                .contains("  more/b.ndjson\n    line 2: body: must not be empty")
                .contains("  more/c.json\n    not valid JSON");
        assertThat(text(err)).contains("akhbar ingest: 3/3 files (100%), 4 items: 3 accepted")
                .doesNotContain("\r");
    }

    @Test
    void onATerminalTheProgressIsABarRedrawnInPlace() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "قال ويتكوف إنه سيسافر إلى موسكو.");

        int exit = Import.run(new String[] {dir.toString(), "--url=" + ingest.url()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                true, Duration.ofMillis(1));

        assertThat(exit).isZero();
        assertThat(text(err)).contains("\r[##############################] 100% 1/1 files");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run(dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(run(dir.toString(), "--batch-size", "5000")).isEqualTo(2);
        assertThat(run(dir.toString(), "--url", "localhost:8081")).isEqualTo(2);
        assertThat(text(err)).contains("Usage: akhbar ingest DIR");
    }

    @Test
    void theKeyComesFromTheOptionElseFromTheEnvironment() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "قال ويتكوف إنه سيسافر إلى موسكو.");

        assertThat(runWithEnvironment("from-env", dir.toString(), "--url", ingest.url().toString())).isZero();
        assertThat(runWithEnvironment("from-env", dir.toString(), "--url", ingest.url().toString(),
                "--api-key", "from-option")).isZero();
        assertThat(runWithEnvironment(null, dir.toString(), "--url", ingest.url().toString(),
                "--api-key=from-option")).isZero();

        assertThat(ingest.apiKeys).containsExactly("from-env", "from-option", "from-option");
    }

    @Test
    void aRefusedKeyStopsTheImportWithAHintAndNeverPrintsTheKey() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "قال ويتكوف إنه سيسافر إلى موسكو.");
        Files.writeString(dir.resolve("b.txt"), "خبر ثان عن دافوس.");
        ingest.then(lines -> new FakeIngest.Answer(403, null,
                "{\"title\":\"API key not accepted\",\"detail\":\"The API key sent is not one this service accepts.\"}"));

        int exit = runWithEnvironment(null, dir.toString(), "--url", ingest.url().toString(), "--batch-size", "1",
                "--api-key", "secret-wrong-key");

        assertThat(exit).isEqualTo(1);
        assertThat(ingest.requests).hasSize(1);
        assertThat(text(err)).contains("HTTP 403: The API key sent is not one this service accepts.", "AKHBAR_API_KEY")
                .doesNotContain("secret-wrong-key");
        assertThat(text(out)).doesNotContain("secret-wrong-key");
    }

    private int runWithEnvironment(String environmentKey, String... args) {
        return Import.run(args, environmentKey, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, Duration.ofMillis(1));
    }

    private int run(String... args) {
        return Import.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, Duration.ofMillis(1));
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
