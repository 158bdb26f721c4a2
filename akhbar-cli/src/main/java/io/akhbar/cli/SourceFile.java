package io.akhbar.cli;

import java.nio.file.Path;
import java.util.List;

/** A file of the folder: its articles, or why it could not be read at all. */
record SourceFile(Path file, List<Item> items, String error) {

    static SourceFile of(Path file, List<Item> items) {
        return new SourceFile(file, items, null);
    }

    static SourceFile unreadable(Path file, String error) {
        return new SourceFile(file, List.of(), error);
    }
}
