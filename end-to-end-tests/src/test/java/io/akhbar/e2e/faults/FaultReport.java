package io.akhbar.e2e.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The suite's result table, one row per scenario, as Markdown on stdout and in a file. */
final class FaultReport {

    /**
     * @param deadLetters records of this scenario found in the two DLQs, against the poison records injected
     * @param recoverySeconds fault end (component back) until every acked article was indexed and every service UP;
     *                        negative when that never happened within the deadline
     */
    record Row(String scenario, int articles, int acked, int indexed, int lost, int duplicates, int deadLetters,
               int poison, double recoverySeconds, String notes) {
    }

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(Row row) {
        rows.add(row);
    }

    synchronized String render(String heading) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(heading).append("\n\n");
        out.append("| scenario | N | acked | indexed | lost | duplicates | DLQ (poison injected) | recovery s | notes |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d (%d) | %s | %s |%n",
                    row.scenario(), row.articles(), row.acked(), row.indexed(), row.lost(), row.duplicates(),
                    row.deadLetters(), row.poison(),
                    row.recoverySeconds() < 0 ? "no recovery" : String.format(Locale.ROOT, "%.1f", row.recoverySeconds()),
                    row.notes()));
        }
        return out.toString();
    }

    void write(Path file, String heading) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, render(heading), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
