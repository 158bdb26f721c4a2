package io.akhbar.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tallies an import. A "duplicate" is an item with the same article id as an earlier item of this import: within one
 * batch ingest sent only the first; across batches both were sent and the later one overwrote the same article.
 */
final class Summary {

    private int files;
    private int unreadableFiles;
    private int items;
    private int accepted;
    private int duplicates;
    private int rejected;
    private int failed;
    private final Set<String> acceptedIds = new HashSet<>();
    private final Map<Path, List<String>> problems = new TreeMap<>();

    void file(SourceFile file) {
        files++;
        if (file.error() != null) {
            unreadableFiles++;
            problems.computeIfAbsent(file.file(), f -> new ArrayList<>()).add(file.error());
        }
    }

    void outcome(Outcome outcome) {
        items++;
        switch (outcome.status()) {
            case Outcome.ACCEPTED -> {
                if (acceptedIds.add(outcome.id())) {
                    accepted++;
                } else {
                    duplicates++;
                }
            }
            case Outcome.DUPLICATE -> duplicates++;
            case Outcome.FAILED -> {
                failed++;
                problem(outcome, "not accepted: " + outcome.reason());
            }
            default -> {
                rejected++;
                problem(outcome, outcome.reason());
            }
        }
    }

    private void problem(Outcome outcome, String reason) {
        Item item = outcome.item();
        String where = item.position().isEmpty() ? "" : item.position() + ": ";
        problems.computeIfAbsent(item.file(), f -> new ArrayList<>()).add(where + reason);
    }

    int files() {
        return files;
    }

    int items() {
        return items;
    }

    int accepted() {
        return accepted;
    }

    int duplicates() {
        return duplicates;
    }

    int rejected() {
        return rejected;
    }

    int failed() {
        return failed;
    }

    /** 0 when every item of every file is in Akhbar, 1 otherwise. */
    int exitCode() {
        return rejected == 0 && failed == 0 && unreadableFiles == 0 ? 0 : 1;
    }

    String counts() {
        return items + " items: " + accepted + " accepted, " + duplicates + " duplicates, " + rejected + " rejected"
                + (failed > 0 ? ", " + failed + " failed" : "");
    }

    void print(PrintStream out, Path root) {
        out.println("Imported " + files + " file" + (files == 1 ? "" : "s") + " from " + root + ": " + counts()
                + (unreadableFiles > 0 ? "; " + unreadableFiles + " unreadable files" : "") + ".");
        if (problems.isEmpty()) {
            return;
        }
        out.println("Problems:");
        problems.forEach((file, reasons) -> {
            out.println("  " + root.relativize(file));
            reasons.forEach(reason -> out.println("    " + reason));
        });
    }
}
