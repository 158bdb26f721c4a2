package io.akhbar.cli;

import java.io.PrintStream;

/**
 * Progress on stderr: a bar redrawn in place when stderr is a terminal, plain lines otherwise (logs, CI), so that
 * stdout carries only the summary.
 */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final int totalFiles;
    private int lastPercentPrinted = -10;

    Progress(PrintStream err, boolean terminal, int totalFiles) {
        this.err = err;
        this.terminal = terminal;
        this.totalFiles = totalFiles;
    }

    void update(int filesRead, Summary summary) {
        int percent = totalFiles == 0 ? 100 : filesRead * 100 / totalFiles;
        if (terminal) {
            int filled = percent * WIDTH / 100;
            err.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + percent + "% "
                    + filesRead + "/" + totalFiles + " files, " + summary.counts() + "\u001b[K");
            err.flush();
        } else if (percent < 100 && percent / 10 != lastPercentPrinted / 10) {
            lastPercentPrinted = percent;
            line(filesRead, percent, summary);
        }
    }

    /** The final state, once the last batch is answered. */
    void finish(int filesRead, Summary summary) {
        if (terminal) {
            update(filesRead, summary);
            err.println();
        } else {
            line(filesRead, totalFiles == 0 ? 100 : filesRead * 100 / totalFiles, summary);
        }
    }

    private void line(int filesRead, int percent, Summary summary) {
        err.println("akhbar ingest: " + filesRead + "/" + totalFiles + " files (" + percent + "%), " + summary.counts());
    }
}
