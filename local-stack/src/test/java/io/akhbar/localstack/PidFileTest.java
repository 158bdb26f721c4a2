package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path temp;

    @Test
    void readsBackWhatItWrote() throws IOException {
        List<PidFile.Entry> entries = List.of(
                new PidFile.Entry(PidFile.Role.OWNER, 100, 1_700_000_000_000L, "jvm"),
                new PidFile.Entry(PidFile.Role.CHILD, 101, PidFile.UNKNOWN_START, "elasticsearch"),
                new PidFile.Entry(PidFile.Role.CHILD, 102, 1_700_000_000_500L, "ingest-service"));
        Path file = temp.resolve("pids");

        PidFile.write(file, entries);

        assertThat(PidFile.read(file)).isEqualTo(entries);
        assertThat(temp.resolve("pids.tmp")).doesNotExist();
    }

    @Test
    void describesALiveProcess() {
        PidFile.Entry entry = PidFile.Entry.of(PidFile.Role.OWNER, "jvm", ProcessHandle.current());

        assertThat(entry.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(entry.startMillis()).isPositive();
    }

    @Test
    void rejectsMalformedLines() {
        assertThatThrownBy(() -> PidFile.Entry.parse("child 12"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
