package io.akhbar.cli;

import java.nio.file.Path;

/**
 * One article to send, as one NDJSON line.
 *
 * @param position where in its file it came from ("line 4", "item 2"), or empty for a whole file
 */
record Item(Path file, String position, String line) {
}
