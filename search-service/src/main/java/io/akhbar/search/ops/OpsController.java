package io.akhbar.search.ops;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ops")
class OpsController {

    private final PipelineMonitor monitor;

    OpsController(PipelineMonitor monitor) {
        this.monitor = monitor;
    }

    @GetMapping("/pipeline")
    PipelineSummary pipeline() {
        return monitor.summary();
    }
}
