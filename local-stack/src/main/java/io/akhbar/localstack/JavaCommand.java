package io.akhbar.localstack;

import java.nio.file.Path;

/** Children run on the same JDK as the caller, so there is exactly one Java installation to get right. */
final class JavaCommand {

    /** Put on every JVM we start, so that leftovers can be recognised by their command line. */
    static final String MARKER_PROPERTY = "akhbar.localstack.workdir";

    private JavaCommand() {
    }

    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    static String javaExecutable() {
        return javaHome().resolve("bin").resolve("java").toString();
    }

    static String markerOption(WorkDir workDir) {
        return "-D" + MARKER_PROPERTY + "=" + workDir.root();
    }
}
