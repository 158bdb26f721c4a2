package io.akhbar.localstack.bench;

import io.akhbar.localstack.BenchSupport;
import io.akhbar.localstack.LocalStack;
import io.akhbar.localstack.bench.ResultTable.Row;
import io.akhbar.localstack.bench.ResultTable.Verdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Peak resident memory ({@code VmHWM}) of each process of the stack after all the load, next to what it used when
 * it had just started. The services run with {@code -Xmx256m}; RSS is more than the heap: metaspace, code cache,
 * thread stacks, direct buffers, the GC's own structures.
 */
final class PeakMemory {

    static final List<String> PROCESSES = List.of("ingest-service", "nlp-service", "search-service", "kafka",
            "elasticsearch");

    private PeakMemory() {
    }

    static Map<String, ProcessMemory> snapshot(LocalStack stack) {
        Map<String, List<Long>> pids = BenchSupport.childPids(stack);
        Map<String, ProcessMemory> memory = new LinkedHashMap<>();
        for (String name : PROCESSES) {
            ProcessMemory.largest(pids.getOrDefault(name, List.of())).ifPresent(found -> memory.put(name, found));
        }
        return memory;
    }

    static void report(BenchContext context, Map<String, ProcessMemory> atStart, ResultTable table) {
        Map<String, ProcessMemory> atEnd = snapshot(context.stack());
        for (String name : PROCESSES) {
            ProcessMemory end = atEnd.get(name);
            if (end == null) {
                table.add(Row.failed("peak RSS " + name, "process not found", "-"));
                continue;
            }
            Optional<String> heap = ProcessMemory.maxHeapOption(end.pid());
            ProcessMemory start = atStart.get(name);
            String baseline = start == null ? "-" : ResultTable.megabytes(start.currentBytes()) + " just started";
            String ratio = start == null || start.currentBytes() == 0 ? "-"
                    : ResultTable.ratio((double) end.peakBytes() / start.currentBytes());
            table.add(new Row("peak RSS " + name + heap.map(h -> " (-Xmx" + h + ")").orElse(""),
                    ResultTable.megabytes(end.peakBytes()), baseline, ratio, "-", Verdict.NOT_APPLICABLE));
        }
    }
}
