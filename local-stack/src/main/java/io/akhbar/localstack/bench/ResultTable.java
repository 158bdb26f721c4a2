package io.akhbar.localstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's answer: scenario | figure | baseline | ratio | target | met?, as text and as Markdown. */
final class ResultTable {

    static final List<String> HEADER = List.of("scenario", "figure", "baseline", "ratio", "target", "met?");

    enum Verdict {
        MET("yes"), MISSED("NO"), NOT_APPLICABLE("-");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    record Row(String scenario, String figure, String baseline, String ratio, String target, Verdict met) {

        List<String> cells() {
            return List.of(scenario, figure, baseline, ratio, target, met.label);
        }

        /** A scenario that could not be measured: the reason stands in the figure column. */
        static Row failed(String scenario, String reason, String target) {
            return new Row(scenario, "failed: " + reason, "-", "-", target, Verdict.MISSED);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String toText() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        rows.forEach(row -> lines.add(row.cells()));
        int[] widths = new int[HEADER.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            List<String> line = lines.get(l);
            for (int i = 0; i < line.size(); i++) {
                if (i > 0) {
                    out.append(" | ");
                }
                out.append(i == line.size() - 1 ? line.get(i) : pad(line.get(i), widths[i]));
            }
            out.append(System.lineSeparator());
            if (l == 0) {
                for (int i = 0; i < widths.length; i++) {
                    if (i > 0) {
                        out.append("-+-");
                    }
                    out.append("-".repeat(widths[i]));
                }
                out.append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        out.append("|").append(" --- |".repeat(HEADER.size())).append('\n');
        for (Row row : rows) {
            out.append("| ").append(String.join(" | ", row.cells().stream()
                    .map(cell -> cell.replace("|", "\\|")).toList())).append(" |\n");
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    static String perSecond(double value, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s/s", value, unit);
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.1f ms" : "%,.0f ms", value);
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f s", value);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", Math.round(bytes / (1024.0 * 1024.0)));
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }
}
