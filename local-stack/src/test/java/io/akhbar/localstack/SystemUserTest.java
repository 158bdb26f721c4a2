package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemUserTest {

    @TempDir
    Path temp;

    @Test
    void findsTheDirectoryOtherUsersCannotEnter() throws IOException {
        Path privateDir = Files.createDirectories(temp.resolve("private"));
        Path inside = Files.createDirectories(privateDir.resolve("open/stack"));
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(privateDir, PosixFilePermissions.fromString("rwx------"));

        assertThat(SystemUser.firstUntraversableAncestor(inside.resolve("elasticsearch"))).contains(privateDir);
    }

    @Test
    void acceptsAWorldTraversablePath() {
        assertThat(SystemUser.firstUntraversableAncestor(Path.of("/usr/bin/env"))).isEmpty();
    }

    @Test
    void knowsTheRootUserExists() {
        assertThat(SystemUser.exists("root")).isTrue();
        assertThat(SystemUser.exists("no-such-user-akhbar")).isFalse();
    }
}
