package io.akhbar.guard;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyCheckTest {

    @Test
    void acceptsEveryConfiguredKeyAndNothingElse() {
        ApiKeyCheck check = new ApiKeyCheck(List.of("first-key", "second-key", "third-key"));

        assertThat(check.verify("first-key")).isPresent();
        assertThat(check.verify("third-key")).isPresent();
        assertThat(check.verify("second-key")).isPresent();
        assertThat(check.verify("first-ke")).as("a prefix").isEmpty();
        assertThat(check.verify("first-key ")).as("a longer key").isEmpty();
        assertThat(check.verify("FIRST-KEY")).isEmpty();
        assertThat(check.verify("")).isEmpty();
        assertThat(check.verify(null)).isEmpty();
    }

    @Test
    void eachKeyIsItsOwnClientAndTheClientNameDoesNotContainTheKey() {
        ApiKeyCheck check = new ApiKeyCheck(List.of("first-key", "second-key"));

        String first = check.verify("first-key").orElseThrow();
        String second = check.verify("second-key").orElseThrow();

        assertThat(first).isNotEqualTo(second).startsWith("key:").doesNotContain("first");
        assertThat(check.verify("first-key")).hasValue(first);
    }

    @Test
    void withoutKeysNothingIsAccepted() {
        ApiKeyCheck check = new ApiKeyCheck(List.of());

        assertThat(check.configured()).isFalse();
        assertThat(check.verify("anything")).isEmpty();
        assertThat(check.verify("")).isEmpty();
    }

    @Test
    void propertiesDropBlankKeysFromTheCommaSeparatedListAndNeverPrintThem() {
        GuardProperties properties = new GuardProperties(List.of(" secret-one ", "", "  ", "secret-two"),
                null, null, null, null);

        assertThat(properties.apiKeys()).containsExactly("secret-one", "secret-two");
        assertThat(properties.toString()).doesNotContain("secret").contains("2 redacted");
        assertThat(new ApiKeyCheck(properties.apiKeys()).toString()).doesNotContain("secret");
    }

    @Test
    void everyKeyIsComparedAsADigestWhicheverMatchesAndWhetherOneDoes() {
        List<Integer> lengths = new ArrayList<>();
        ApiKeyCheck check = new ApiKeyCheck(List.of("a-key", "b-key", "a-much-longer-third-key"), (known, presented) -> {
            lengths.add(known.length);
            lengths.add(presented.length);
            return MessageDigest.isEqual(known, presented);
        });

        for (String presented : List.of("a-key", "b-key", "a-much-longer-third-key", "x", "a-key-that-is-wrong")) {
            lengths.clear();
            check.verify(presented);
            // No early exit on a match, and always 32 bytes against 32: nothing depends on the key's length or content.
            assertThat(lengths).as(presented).hasSize(6).containsOnly(32);
        }
    }
}
