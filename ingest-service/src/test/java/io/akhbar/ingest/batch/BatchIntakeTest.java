package io.akhbar.ingest.batch;

import io.akhbar.contracts.ArticleIds;
import io.akhbar.contracts.ArticleSubmitted;
import io.akhbar.ingest.IngestProperties;
import io.akhbar.ingest.batch.BatchResponse.ItemResult;
import io.akhbar.ingest.submission.ArticleIntake;
import io.akhbar.ingest.submission.ArticleSubmission;
import io.akhbar.ingest.submission.PublishResult;
import io.akhbar.ingest.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class BatchIntakeTest {

    private final List<ArticleSubmitted> sent = new ArrayList<>();
    private Set<String> unacknowledgedBodies = Set.of();
    private final BatchIntake batches = new BatchIntake(intake(), new IngestProperties(DataSize.ofKilobytes(1), 1000, 160,
            new IngestProperties.Batch(1000, DataSize.ofMegabytes(16), 1, Duration.ofSeconds(5))));

    @Test
    void eachItemIsAnsweredAndARepeatedIdIsPublishedOnce() throws Exception {
        BatchResponse response = batches.submit(() -> List.of(
                item(0, "https://example.com/a", "الأول"),
                BatchItem.unreadable(1, null, "An item must be a JSON object with at least a body"),
                item(2, "http://www.example.com/a/", "الأول مكرر"),
                item(3, null, "ا".repeat(600)),
                item(4, "https://example.com/b", "الثاني")));

        assertThat(response.results()).extracting(ItemResult::status)
                .containsExactly("accepted", "rejected", "duplicate", "rejected", "accepted");
        assertThat(response.results().get(2).duplicateOf()).isZero();
        assertThat(response.results().get(2).id()).isEqualTo(response.results().get(0).id());
        assertThat(response.results().get(1).problem().type()).endsWith("/unreadable-item");
        assertThat(response.results().get(3).problem().type()).endsWith("/article-too-large");
        assertThat(response).extracting(BatchResponse::items, BatchResponse::accepted, BatchResponse::duplicates,
                BatchResponse::rejected, BatchResponse::failed).containsExactly(5, 2, 1, 2, 0);
        assertThat(sent).extracting(ArticleSubmitted::body).containsExactly("الأول", "الثاني");
    }

    @Test
    void itemsKafkaDidNotAcknowledgeAreFailedNeverAccepted() throws Exception {
        unacknowledgedBodies = Set.of("الثاني");

        BatchResponse response = batches.submit(() -> List.of(item(0, null, "الأول"), item(1, null, "الثاني")));

        assertThat(response.results()).extracting(ItemResult::status).containsExactly("accepted", "failed");
        assertThat(response.results().get(1).problem().type()).endsWith("/broker-unavailable");
    }

    @Test
    void whenKafkaAcknowledgedNothingTheWholeBatchIsA503() {
        unacknowledgedBodies = Set.of("الأول", "الثاني");

        assertThatThrownBy(() -> batches.submit(() -> List.of(item(0, null, "الأول"), item(1, null, "الثاني"))))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("did not acknowledge any article");
    }

    @Test
    void aBatchBeyondTheConcurrencyLimitIsA429() throws Exception {
        List<Throwable> inner = new ArrayList<>();
        batches.submit(() -> {
            try {
                batches.submit(() -> List.of(item(0, null, "داخلي")));
            } catch (ProblemException e) {
                inner.add(e);
            }
            return List.of(item(0, null, "خارجي"));
        });

        assertThat(inner).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("retry shortly"));
    }

    private static BatchItem item(int index, String url, String body) {
        return BatchItem.read(index, null, new ArticleSubmission(null, body, url, null, null, null));
    }

    private ArticleIntake intake() {
        ArticleIntake intake = mock(ArticleIntake.class);
        when(intake.prepare(any())).thenAnswer(call -> {
            ArticleSubmission submission = call.getArgument(0);
            String url = ArticleIds.canonicalUrl(submission.url()).orElse(null);
            return new ArticleSubmitted(1, ArticleIds.forArticle(url, submission.body()), null, submission.body(), url,
                    null, null, null, Instant.now());
        });
        when(intake.publishAll(any(), any())).thenAnswer(call -> {
            List<ArticleSubmitted> events = call.getArgument(0);
            List<PublishResult> results = new ArrayList<>();
            for (ArticleSubmitted event : events) {
                boolean acked = !unacknowledgedBodies.contains(event.body());
                if (acked) {
                    sent.add(event);
                }
                results.add(new PublishResult(event.id(), acked ? null : "broker down"));
            }
            return results;
        });
        return intake;
    }
}
