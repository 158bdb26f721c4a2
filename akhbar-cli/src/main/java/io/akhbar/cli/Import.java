package io.akhbar.cli;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./akhbar ingest DIR [--url URL] [--batch-size N] [--api-key KEY]}: imports every .txt, .json and .ndjson
 * file under DIR through ingest's batch endpoint, shows progress on stderr and prints a summary on stdout. Exits 0
 * when every article is in Akhbar, 1 when anything was rejected or failed (or ingest refused the key), 2 on a usage
 * error. The key comes from --api-key or, better (not in the process list), the environment variable
 * AKHBAR_API_KEY.
 */
public final class Import {

    static final String DEFAULT_URL = "http://localhost:8081";
    /** Where the key comes from when --api-key is not given; an environment variable keeps it out of `ps` output. */
    static final String API_KEY_VARIABLE = "AKHBAR_API_KEY";
    static final int DEFAULT_BATCH_SIZE = 500;
    /** Well below ingest's default 16 MB batch limit; a batch ingest still finds too large is split. */
    static final long MAX_BATCH_BYTES = 4L * 1024 * 1024;

    private static final String USAGE = """
            Usage: akhbar ingest DIR [--url URL] [--batch-size N] [--api-key KEY]

            Imports the articles in DIR and its subfolders into a running Akhbar:
              *.txt     one article per file; the body is the whole file (UTF-8), the title its first sentence
              *.json    one article object, or an array of them ({"body": ..., "title", "url", "source", "publishedAt"})
              *.ndjson  one article object per line
            Options:
              --url URL       ingest-service base URL (default http://localhost:8081)
              --batch-size N  articles per request, 1 to 1000 (default 500)
              --api-key KEY   ingest's API key (default: the environment variable AKHBAR_API_KEY)
            Exit status: 0 all imported, 1 something was rejected or failed, 2 usage error.
            """;

    private Import() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err, System.console() != null, Duration.ofSeconds(1)));
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal, Duration firstRetryPause) {
        return run(args, System.getenv(API_KEY_VARIABLE), out, err, terminal, firstRetryPause);
    }

    static int run(String[] args, String environmentKey, PrintStream out, PrintStream err, boolean terminal,
                   Duration firstRetryPause) {
        Options options;
        try {
            options = Options.parse(args, environmentKey);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.help()) {
            out.print(USAGE);
            return 0;
        }
        List<Path> files;
        try {
            files = ArticleFiles.find(options.dir());
        } catch (IOException e) {
            err.println("Cannot list " + options.dir() + ": " + e.getMessage());
            return 2;
        }
        JsonMapper json = JsonMapper.builder().build();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        IngestClient client = new IngestClient(http, options.url(), options.apiKey(), json, 6, firstRetryPause,
                duration -> Thread.sleep(duration.toMillis()));
        ArticleFiles reader = new ArticleFiles(json);
        Summary summary = new Summary();
        Progress progress = new Progress(err, terminal, files.size());
        List<Item> batch = new ArrayList<>();
        long batchBytes = 0;
        int filesRead = 0;
        try {
            for (Path file : files) {
                SourceFile source = reader.read(file);
                summary.file(source);
                for (Item item : source.items()) {
                    long size = item.line().getBytes(StandardCharsets.UTF_8).length + 1L;
                    if (!batch.isEmpty() && (batch.size() >= options.batchSize() || batchBytes + size > MAX_BATCH_BYTES)) {
                        client.send(batch).forEach(summary::outcome);
                        batch = new ArrayList<>();
                        batchBytes = 0;
                        progress.update(filesRead, summary);
                    }
                    batch.add(item);
                    batchBytes += size;
                }
                progress.update(++filesRead, summary);
            }
            if (!batch.isEmpty()) {
                client.send(batch).forEach(summary::outcome);
            }
        } catch (IngestClient.KeyRefusedException e) {
            progress.finish(filesRead, summary);
            err.println("ingest refused the request (" + e.getMessage() + "); nothing more was sent. "
                    + (options.apiKey() == null ? "Give the API key with --api-key or " + API_KEY_VARIABLE + "."
                    : "Check the API key given with --api-key or " + API_KEY_VARIABLE + "."));
            summary.print(out, options.dir());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.finish(filesRead, summary);
            err.println("Interrupted; what was accepted so far stays in Akhbar.");
            summary.print(out, options.dir());
            return 1;
        }
        progress.finish(filesRead, summary);
        summary.print(out, options.dir());
        return summary.exitCode();
    }

    /** @param apiKey null when neither --api-key nor the environment gives one */
    record Options(Path dir, URI url, int batchSize, String apiKey, boolean help) {

        /** Keys are secrets: never shown. */
        @Override
        public String toString() {
            return "Options[dir=" + dir + ", url=" + url + ", batchSize=" + batchSize + ", apiKey="
                    + (apiKey == null ? "<none>" : "<redacted>") + "]";
        }

        static Options parse(String[] args, String environmentKey) {
            Path dir = null;
            URI url = URI.create(DEFAULT_URL);
            int batchSize = DEFAULT_BATCH_SIZE;
            String apiKey = environmentKey == null || environmentKey.isBlank() ? null : environmentKey.trim();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> {
                        return new Options(null, url, batchSize, apiKey, true);
                    }
                    case "--url" -> url = url(value(args, ++i, arg));
                    case "--batch-size" -> batchSize = batchSize(value(args, ++i, arg));
                    case "--api-key" -> apiKey = apiKey(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("--url=")) {
                            url = url(arg.substring("--url=".length()));
                        } else if (arg.startsWith("--batch-size=")) {
                            batchSize = batchSize(arg.substring("--batch-size=".length()));
                        } else if (arg.startsWith("--api-key=")) {
                            apiKey = apiKey(arg.substring("--api-key=".length()));
                        } else if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("Unknown option " + arg);
                        } else if (dir != null) {
                            throw new IllegalArgumentException("Only one folder, please: " + dir + " and " + arg);
                        } else {
                            dir = Path.of(arg);
                        }
                    }
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("Which folder? DIR is missing.");
            }
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("Not a folder: " + dir);
            }
            return new Options(dir, url, batchSize, apiKey, false);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static URI url(String value) {
            try {
                URI uri = URI.create(value.endsWith("/") ? value : value + "/");
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--url must be an http(s) URL such as " + DEFAULT_URL + ", not " + value);
            }
        }

        private static String apiKey(String value) {
            if (value.isBlank()) {
                throw new IllegalArgumentException("--api-key needs a value");
            }
            return value.trim();
        }

        private static int batchSize(String value) {
            try {
                int size = Integer.parseInt(value);
                if (size >= 1 && size <= 1000) {
                    return size;
                }
            } catch (NumberFormatException e) {
                // falls through to the message
            }
            throw new IllegalArgumentException("--batch-size must be a number from 1 to 1000, not " + value);
        }
    }
}
