package io.akhbar.e2e.hostile;

import io.akhbar.localstack.LocalStack;

/**
 * Where the hostile requests go: the shared local stack by default, or an Akhbar that is already running when
 * {@code -Dakhbar.hostile.ingest-url}, {@code search-url}, {@code nlp-url}, {@code kafka} and {@code api-key} are
 * given (a demo, a compose setup), so that the suite can be pointed at a deployment without starting anything.
 */
record Target(String ingestUrl, String nlpUrl, String searchUrl, String kafkaBootstrapServers, String apiKey) {

    static Target resolve() {
        String ingest = System.getProperty("akhbar.hostile.ingest-url");
        if (ingest != null) {
            return new Target(ingest, System.getProperty("akhbar.hostile.nlp-url"),
                    System.getProperty("akhbar.hostile.search-url"), System.getProperty("akhbar.hostile.kafka"),
                    System.getProperty("akhbar.hostile.api-key", ""));
        }
        LocalStack stack = LocalStack.sharedWithServices();
        return new Target(stack.serviceUrl("ingest-service"), stack.serviceUrl("nlp-service"),
                stack.serviceUrl("search-service"), stack.kafkaBootstrapServers(), stack.apiKey());
    }

    String serviceUrl(String module) {
        return switch (module) {
            case "ingest-service" -> ingestUrl;
            case "nlp-service" -> nlpUrl;
            case "search-service" -> searchUrl;
            default -> throw new IllegalArgumentException(module);
        };
    }
}
