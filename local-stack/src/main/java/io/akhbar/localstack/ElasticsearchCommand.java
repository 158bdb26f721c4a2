package io.akhbar.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a single-node development Elasticsearch is launched; kept free of side effects so it can be unit tested. */
record ElasticsearchCommand(Path home, Path dataDir, Path logsDir, Path tmpDir, int httpPort, int transportPort,
                            List<String> runAsPrefix, String extraJvmOption) {

    static final String HEAP = "512m";

    List<String> command() {
        List<String> command = new ArrayList<>(runAsPrefix);
        command.add(home.resolve("bin").resolve("elasticsearch").toString());
        settings().forEach((key, value) -> {
            command.add("-E");
            command.add(key + "=" + value);
        });
        return command;
    }

    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cluster.name", "akhbar-local");
        settings.put("node.name", "akhbar-local-node");
        settings.put("discovery.type", "single-node");
        // Security would generate certificates and passwords on first start; a local dev node needs neither.
        settings.put("xpack.security.enabled", "false");
        settings.put("network.host", "127.0.0.1");
        settings.put("http.port", Integer.toString(httpPort));
        settings.put("transport.port", Integer.toString(transportPort));
        settings.put("path.data", dataDir.toString());
        settings.put("path.logs", logsDir.toString());
        // A nearly full developer disk must not turn indices read-only halfway through a demo.
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        // Lets tests clean up with wildcards such as DELETE /articles-*.
        settings.put("action.destructive_requires_name", "false");
        return settings;
    }

    Map<String, String> environment(Path javaHome) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ES_JAVA_HOME", javaHome.toString());
        environment.put("ES_JAVA_OPTS", "-Xms" + HEAP + " -Xmx" + HEAP + " " + extraJvmOption);
        environment.put("ES_TMPDIR", tmpDir.toString());
        // The launcher JVM otherwise leaves empty final-flags* directories in /tmp on every start.
        environment.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmpDir + " " + extraJvmOption);
        return environment;
    }
}
