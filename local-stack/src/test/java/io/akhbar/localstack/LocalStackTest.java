package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocalStackTest {

    @Test
    void refusesAccessBeforeStart() {
        LocalStack stack = LocalStack.builder().build();

        assertThatThrownBy(stack::kafkaBootstrapServers).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
        assertThatThrownBy(stack::logDirectory).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingAStackThatNeverStartedIsHarmlessAndFinal() {
        LocalStack stack = LocalStack.builder().build();

        stack.close();
        stack.close();

        assertThatThrownBy(stack::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("CLOSED");
    }

    @Test
    void rejectsImpossiblePorts() {
        assertThatThrownBy(() -> LocalStack.builder().kafkaPort(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalStack.builder().servicePort(Service.NLP, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void demoPortsAreTheDocumentedDefaults() {
        assertThat(Service.INGEST.defaultPort()).isEqualTo(8081);
        assertThat(Service.NLP.defaultPort()).isEqualTo(8082);
        assertThat(Service.SEARCH.defaultPort()).isEqualTo(8083);
    }
}
