package io.akhbar.ingest.feed;

import io.akhbar.ingest.IngestProperties;
import io.akhbar.ingest.submission.ArticleIntake;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

    @Bean
    FeedPoller feedPoller(FeedProperties properties, IngestProperties ingest, ArticleIntake intake, Clock clock) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                // Redirects are followed by WebFetcher, which checks every hop.
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        HostThrottle throttle = new HostThrottle(properties.perHostInterval(), clock,
                duration -> Thread.sleep(duration.toMillis()));
        WebFetcher fetcher = new WebFetcher(client, throttle, properties.requestTimeout(), properties.userAgent(),
                properties.allowPrivateHosts());
        Backoff backoff = new Backoff(properties.maxBackoff(), () -> ThreadLocalRandom.current().nextDouble());
        return new FeedPoller(fetcher, intake, properties, ingest.batch().ackTimeout(), backoff, clock);
    }
}
