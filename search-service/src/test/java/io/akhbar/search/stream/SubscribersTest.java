package io.akhbar.search.stream;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.akhbar.search.query.LiveQueries.LiveQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubscribersTest {

    private final Subscribers subscribers = new Subscribers(3);

    @Test
    void subscribersOfOneQueryFormOneGroupOnceActivated() {
        Subscriber a1 = subscriber("a");
        Subscriber a2 = subscriber("a");
        Subscriber b = subscriber("b");
        subscribers.register(a1);
        subscribers.register(a2);
        subscribers.register(b);
        assertThat(subscribers.groups()).isEmpty();

        assertThat(subscribers.activatePending()).containsExactly(a1, a2, b);

        assertThat(subscribers.groups()).hasSize(2);
        assertThat(subscribers.groups().get(0).query().key()).isEqualTo("a");
        assertThat(subscribers.groups().get(0).members()).containsExactly(a1, a2);
        assertThat(subscribers.groups().get(1).members()).containsExactly(b);
        assertThat(subscribers.activatePending()).isEmpty();
    }

    @Test
    void refusesBeyondTheLimitAndCountsRemovalsWhetherPendingOrActive() {
        Subscriber a = subscriber("a");
        Subscriber b = subscriber("b");
        Subscriber c = subscriber("c");
        assertThat(subscribers.register(a)).isTrue();
        assertThat(subscribers.register(b)).isTrue();
        subscribers.activatePending();
        assertThat(subscribers.register(c)).isTrue();
        assertThat(subscribers.register(subscriber("d"))).isFalse();

        subscribers.remove(a);
        subscribers.remove(c);
        subscribers.remove(c);

        assertThat(subscribers.size()).isEqualTo(1);
        assertThat(subscribers.groups()).extracting(group -> group.query().key()).containsExactly("b");
        assertThat(subscribers.all()).containsExactly(b);
    }

    private static Subscriber subscriber(String key) {
        LiveQuery query = new LiveQuery(key, Query.of(q -> q.matchAll(m -> m)));
        return new Subscriber(query, null, new RecordingSink(), 10, Runnable::run, ignored -> { });
    }
}
