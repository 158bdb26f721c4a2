package io.akhbar.contracts;

/** Checks shared by the records' constructors: a record that breaks them is a poison message, not a document. */
final class Contracts {

    private Contracts() {
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    static void requireNonNull(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
    }
}
