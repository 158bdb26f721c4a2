package io.akhbar.localstack;

/** Told about each long-running child as soon as it exists, so it is recorded before any readiness wait can fail. */
@FunctionalInterface
interface ChildListener {
    void started(ChildProcess child);
}
