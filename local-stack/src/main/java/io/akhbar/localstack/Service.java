package io.akhbar.localstack;

import java.util.Arrays;

/** The Spring Boot services of the pipeline, in the order data flows through them. */
public enum Service {
    INGEST("ingest-service", 8081),
    NLP("nlp-service", 8082),
    SEARCH("search-service", 8083);

    private final String module;
    private final int defaultPort;

    Service(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    /** The Maven module directory, e.g. {@code ingest-service}. */
    public String module() {
        return module;
    }

    /** The port the demo uses when it is free. */
    public int defaultPort() {
        return defaultPort;
    }

    public static Service ofModule(String module) {
        return Arrays.stream(values())
                .filter(service -> service.module.equals(module))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown service module '" + module + "', expected one of " + Arrays.toString(modules())));
    }

    private static String[] modules() {
        return Arrays.stream(values()).map(Service::module).toArray(String[]::new);
    }
}
