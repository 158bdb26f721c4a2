package io.akhbar.search.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * @param pollInterval      pause between two looks for newly indexed articles
 * @param lookBack          how far before the newest {@code indexedAt} seen each look starts again: an article's
 *                          {@code indexedAt} is set before its bulk request, and the refresh interval passes before
 *                          it is searchable, so articles do not become visible in {@code indexedAt} order
 * @param heartbeat         interval of the {@code : keep-alive} comments that keep proxies from closing idle streams
 * @param maxSubscribers    open streams this instance accepts; more get 503
 * @param queueCapacity     events waiting for one slow subscriber before it is disconnected (it resumes with
 *                          {@code Last-Event-ID} and loses nothing)
 * @param maxReplay         events one connection replays on resume before it is closed, so that a client far behind
 *                          catches up over several reconnections instead of holding a large buffer
 * @param maxConnection     longest life of one stream; the client reconnects with {@code Last-Event-ID}
 * @param senderThreads     threads kept ready to write events to subscribers; a subscriber whose client stops reading
 *                          gets a thread of its own while its write waits, so that it holds up no one else
 * @param replayThreads     threads kept ready to replay missed events to resuming subscribers, likewise
 * @param pageSize          new articles per matching request, and articles per replay request
 * @param socketWriteBuffer bytes Tomcat gathers before each write to a connection's socket (its default is 8 KB);
 *                          a look's burst of events for one stream is often hundreds of KB, and every write is a
 *                          system call and a TCP segment for the server and for the client
 */
@ConfigurationProperties(prefix = "akhbar.stream")
record StreamProperties(Duration pollInterval, Duration lookBack, Duration heartbeat, int maxSubscribers,
        int queueCapacity, int maxReplay, Duration maxConnection, int senderThreads, int replayThreads, int pageSize,
        DataSize socketWriteBuffer) {
}
