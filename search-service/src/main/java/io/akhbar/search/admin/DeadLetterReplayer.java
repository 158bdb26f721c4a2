package io.akhbar.search.admin;

import io.akhbar.contracts.DeadLetterHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Re-sends dead letters to the topic they failed on: the original key, value and headers, without the failure's
 * {@code x-original-*} and {@code x-exception-*} headers, with {@code akhbar-replayed-from} and
 * {@code akhbar-replay-count}. Each send is acknowledged (acks=all, idempotent) before the next, and each replay is
 * recorded in the {@link ReplayLog}. A record that fails again is dead-lettered again, as a new entry.
 */
@Service
class DeadLetterReplayer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    private static final int PAGE = 200;

    private final DeadLetterStore store;
    private final ReplayLog replayLog;
    private final AdminKafka kafka;
    private final AdminProperties.DeadLetters settings;
    private final Clock clock;

    DeadLetterReplayer(DeadLetterStore store, ReplayLog replayLog, AdminKafka kafka, AdminProperties properties,
            Clock clock) {
        this.store = store;
        this.replayLog = replayLog;
        this.kafka = kafka;
        this.settings = properties.deadLetters();
        this.clock = clock;
    }

    /** Checked before anything is read or sent: a bad request replays nothing. */
    record Selection(List<DeadLetterId> ids, String topic, boolean includeReplayed) {
    }

    static Selection select(ReplayRequest request, AdminProperties.DeadLetters settings) {
        if (request == null) {
            throw new InvalidAdminRequestException("body", "give ids, or topic with all: true");
        }
        boolean byIds = request.ids() != null && !request.ids().isEmpty();
        boolean byTopic = request.topic() != null || Boolean.TRUE.equals(request.all());
        if (byIds == byTopic) {
            throw new InvalidAdminRequestException(byIds ? "ids" : "body",
                    "give either ids, or topic with all: true, not " + (byIds ? "both" : "neither"));
        }
        if (byTopic) {
            if (!Boolean.TRUE.equals(request.all())) {
                throw new InvalidAdminRequestException("all", "must be true to replay a whole topic");
            }
            return new Selection(null, knownTopic("topic", request.topic(), settings), Boolean.TRUE.equals(request.includeReplayed()));
        }
        if (request.ids().size() > settings.maxReplay()) {
            throw new InvalidAdminRequestException("ids", "at most " + settings.maxReplay() + " per request");
        }
        Set<DeadLetterId> ids = new LinkedHashSet<>();
        for (String id : request.ids()) {
            DeadLetterId parsed = DeadLetterId.parse("ids", id);
            knownTopic("ids", parsed.topic(), settings);
            ids.add(parsed);
        }
        return new Selection(List.copyOf(ids), null, true);
    }

    static String knownTopic(String parameter, String topic, AdminProperties.DeadLetters settings) {
        if (topic == null || !settings.topics().contains(topic)) {
            throw new InvalidAdminRequestException(parameter,
                    "'" + topic + "' is not a dead-letter topic; known: " + String.join(", ", settings.topics()));
        }
        return topic;
    }

    ReplayResponse replay(ReplayRequest request) {
        Selection selection = select(request, settings);
        Map<String, ReplayLog.Replay> replayed = replayLog.current();
        List<ReplayResponse.Result> results = new ArrayList<>();
        if (selection.ids() != null) {
            for (DeadLetterId id : selection.ids()) {
                Optional<DeadLetter> deadLetter = store.find(id);
                results.add(deadLetter.isPresent() ? replay(deadLetter.get(), replayed.get(id.toString()))
                        : ReplayResponse.Result.notFound(id.toString()));
            }
            return ReplayResponse.of(results, false);
        }
        DeadLetterId after = null;
        while (true) {
            DeadLetterStore.Page page = store.page(List.of(selection.topic()), after, null, PAGE);
            for (DeadLetter deadLetter : page.items()) {
                ReplayLog.Replay previous = replayed.get(deadLetter.id().toString());
                if (previous != null && !selection.includeReplayed()) {
                    continue;
                }
                if (results.size() == settings.maxReplay()) {
                    return ReplayResponse.of(results, true);
                }
                results.add(replay(deadLetter, previous));
            }
            if (page.next() == null) {
                return ReplayResponse.of(results, false);
            }
            after = page.next();
        }
    }

    private ReplayResponse.Result replay(DeadLetter deadLetter, ReplayLog.Replay previous) {
        String id = deadLetter.id().toString();
        String target = deadLetter.originalTopic();
        if (target == null) {
            return ReplayResponse.Result.failed(id, "no " + DeadLetterHeaders.ORIGINAL_TOPIC + " header");
        }
        if (!settings.replayTargets().contains(target)) {
            return ReplayResponse.Result.failed(id, "original topic '" + target
                    + "' is not a replay target (akhbar.admin.dead-letters.replay-targets)");
        }
        int replayCount = deadLetter.replayCount() + 1;
        var record = new ProducerRecord<>(target, null, deadLetter.key(), deadLetter.payload(),
                replayHeaders(deadLetter, replayCount));
        RecordMetadata sent;
        try {
            sent = kafka.producer().send(record).get(kafka.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return failed(id, target, e.getCause());
        } catch (TimeoutException | KafkaException e) {
            return failed(id, target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(id, target, e);
        }
        String replayedTo = sent.topic() + "-" + sent.partition() + "-" + sent.offset();
        log.info("Replayed dead letter {} to {}", id, replayedTo);
        var replay = new ReplayLog.Replay(id, clock.instant(), sent.topic(), sent.partition(), sent.offset(),
                previous == null ? 1 : previous.times() + 1);
        try {
            replayLog.record(replay);
            return ReplayResponse.Result.replayed(id, replayedTo, replayCount, null);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            log.warn("Replay of {} to {} not recorded: {}", id, replayedTo, e.toString());
            return ReplayResponse.Result.replayed(id, replayedTo, replayCount,
                    "replayed, but not recorded as replayed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReplayResponse.Result.replayed(id, replayedTo, replayCount, "replayed, but not recorded as replayed");
        }
    }

    /** The original record's headers without the failure's, plus where and how often it was replayed. */
    static RecordHeaders replayHeaders(DeadLetter deadLetter, int replayCount) {
        var headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            String name = header.key();
            if (!name.startsWith(DeadLetterHeaders.ORIGINAL_PREFIX) && !name.startsWith(DeadLetterHeaders.EXCEPTION_PREFIX)
                    && !name.equals(DeadLetterHeaders.REPLAYED_FROM) && !name.equals(DeadLetterHeaders.REPLAY_COUNT)) {
                headers.add(header);
            }
        }
        headers.add(DeadLetterHeaders.REPLAYED_FROM, deadLetter.id().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.REPLAY_COUNT, String.valueOf(replayCount).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static ReplayResponse.Result failed(String id, String target, Throwable cause) {
        log.warn("Replay of {} to {} failed: {}", id, target, cause.toString());
        return ReplayResponse.Result.failed(id, "not acknowledged by Kafka: " + cause.getMessage());
    }
}
