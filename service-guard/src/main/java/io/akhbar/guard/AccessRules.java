package io.akhbar.guard;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;

/**
 * Sorts a request into public, keyed or read. Paths are matched the way Spring MVC matches its handlers (decoded
 * segments, {@code ;params} ignored), so that {@code /api/v1/articles%3Abatch} cannot slip past a rule that the handler
 * mapping would then satisfy.
 */
final class AccessRules {

    enum Kind { PUBLIC, KEYED, READ }

    private final List<PathPattern> publicPaths;
    private final List<PathPattern> keyedPaths;

    AccessRules(GuardProperties properties) {
        this.publicPaths = parse(properties.publicPaths());
        this.keyedPaths = parse(properties.keyedPaths());
    }

    Kind classify(HttpServletRequest request) {
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
        if (matches(publicPaths, path)) {
            return Kind.PUBLIC;
        }
        return matches(keyedPaths, path) ? Kind.KEYED : Kind.READ;
    }

    private static boolean matches(List<PathPattern> patterns, PathContainer path) {
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private static List<PathPattern> parse(List<String> patterns) {
        return patterns.stream().map(String::trim).map(PathPatternParser.defaultInstance::parse).toList();
    }
}
