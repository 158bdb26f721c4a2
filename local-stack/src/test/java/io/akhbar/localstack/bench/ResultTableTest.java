package io.akhbar.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.akhbar.localstack.bench.ResultTable.Row;
import io.akhbar.localstack.bench.ResultTable.Verdict;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static ResultTable table() {
        ResultTable table = new ResultTable();
        table.add(new Row("end-to-end throughput", "1,200 articles/s", "1,400 docs/s raw ES _bulk", "0.86x",
                ">= 0.8x raw", Verdict.MET));
        table.add(new Row("search p99", "61 ms", "20 ms direct", "3.05x", "<= 50 ms", Verdict.MISSED));
        table.add(Row.failed("freshness", "no article | became searchable", "p99 <= 2 s"));
        return table;
    }

    @Test
    void textColumnsLineUp() {
        String[] lines = table().toText().split(System.lineSeparator());

        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("scenario").endsWith("met?");
        assertThat(lines[1]).matches("[-+]+");
        int column = lines[0].indexOf("| figure");
        assertThat(lines[2].indexOf("| 1,200")).isEqualTo(column);
        assertThat(lines[3].indexOf("| 61 ms")).isEqualTo(column);
        assertThat(lines[2]).endsWith("| yes");
        assertThat(lines[3]).endsWith("| NO");
    }

    @Test
    void markdownEscapesPipesInCells() {
        String markdown = table().toMarkdown();

        assertThat(markdown).startsWith("| scenario | figure | baseline | ratio | target | met? |\n| --- | --- |");
        assertThat(markdown).contains("| failed: no article \\| became searchable | - | - | p99 <= 2 s | NO |");
    }

    @Test
    void formatsFiguresTheSameWayEverywhere() {
        assertThat(ResultTable.perSecond(12_345.6, "articles")).isEqualTo("12,346 articles/s");
        assertThat(ResultTable.millis(3.14159)).isEqualTo("3.1 ms");
        assertThat(ResultTable.millis(1234.5)).isEqualTo("1,235 ms");
        assertThat(ResultTable.seconds(1.234)).isEqualTo("1.23 s");
        assertThat(ResultTable.megabytes(300L * 1024 * 1024)).isEqualTo("300 MB");
        assertThat(ResultTable.ratio(0.8567)).isEqualTo("0.86x");
    }
}
