package io.akhbar.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTest {

    private static final Path ROOT = Path.of("news");
    private final Summary summary = new Summary();

    @Test
    void countsEachOutcomeAndListsProblemsPerFile() {
        Path a = ROOT.resolve("a.ndjson");
        Path b = ROOT.resolve("b.json");
        summary.file(SourceFile.of(a, List.of()));
        summary.file(SourceFile.unreadable(b, "not valid JSON (line 2, column 3)"));
        summary.outcome(new Outcome(new Item(a, "line 1", "{}"), Outcome.ACCEPTED, "id-1", null));
        summary.outcome(new Outcome(new Item(a, "line 2", "{}"), Outcome.DUPLICATE, "id-1", null));
        summary.outcome(new Outcome(new Item(a, "line 4", "{}"), Outcome.REJECTED, null, "body: must not be empty"));
        summary.outcome(new Outcome(new Item(a, "line 5", "{}"), Outcome.ACCEPTED, "id-1", null));

        String printed = print();

        assertThat(summary.accepted()).isEqualTo(1);
        assertThat(summary.duplicates()).as("an id accepted in an earlier batch counts too").isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.exitCode()).isEqualTo(1);
        assertThat(printed).isEqualTo("""
                Imported 2 files from news: 4 items: 1 accepted, 2 duplicates, 1 rejected; 1 unreadable files.
                Problems:
                  a.ndjson
                    line 4: body: must not be empty
                  b.json
                    not valid JSON (line 2, column 3)
                """);
    }

    @Test
    void failuresAreProblemsAndEverythingAcceptedExitsZero() {
        Path a = ROOT.resolve("a.txt");
        summary.file(SourceFile.of(a, List.of()));
        summary.outcome(new Outcome(new Item(a, "", "{}"), Outcome.ACCEPTED, "id-1", null));
        assertThat(summary.exitCode()).isZero();
        assertThat(print()).isEqualTo("Imported 1 file from news: 1 items: 1 accepted, 0 duplicates, 0 rejected.\n");

        summary.outcome(new Outcome(new Item(a, "", "{}"), Outcome.FAILED, null, "HTTP 503: broker down"));

        assertThat(summary.exitCode()).isEqualTo(1);
        assertThat(print()).contains(", 1 failed").contains("    not accepted: HTTP 503: broker down");
    }

    private String print() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        summary.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), ROOT);
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
