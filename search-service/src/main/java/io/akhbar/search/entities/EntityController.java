package io.akhbar.search.entities;

import io.akhbar.search.query.NotFoundException;
import io.akhbar.search.query.InvalidQueryException;
import io.akhbar.search.query.Parameters;
import io.akhbar.search.indexing.EntityDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/entities")
@Tag(name = "entities")
class EntityController {

    private static final int MAX_PREFIX_LENGTH = 64;

    private final EntitySuggestions suggestions;
    private final EntityTimelines timelines;

    EntityController(EntitySuggestions suggestions, EntityTimelines timelines) {
        this.suggestions = suggestions;
        this.timelines = timelines;
    }

    @GetMapping
    @Operation(summary = "Autocomplete entity names",
            description = "People, places and organizations whose name or alias starts with the prefix, Arabic or "
                    + "English, in any known spelling; the ones most articles carry first.")
    Suggestions complete(@Parameter(description = "start of a name: بو, Pu, زابور") @RequestParam(required = false) String prefix,
            @Parameter(description = "at most this many, 1 to 50") @RequestParam(required = false) Integer limit) {
        if (prefix == null || prefix.isBlank()) {
            throw new InvalidQueryException("prefix", "must not be empty");
        }
        String normalized = EntityDocument.normalizeName(prefix);
        if (prefix.length() > MAX_PREFIX_LENGTH || normalized.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new InvalidQueryException("prefix", "must be the start of a name, at most " + MAX_PREFIX_LENGTH
                    + " characters");
        }
        return new Suggestions(suggestions.complete(prefix.strip(), Parameters.size("limit", limit, 10, 50)));
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "Articles and mentions per day for one entity")
    EntityTimeline timeline(@PathVariable String id,
            @Parameter(description = "first day, e.g. 2026-01-01") @RequestParam(required = false) String from,
            @Parameter(description = "last day, included") @RequestParam(required = false) String to) {
        return timelines.of(Parameters.entityId("id", id), Parameters.range(from, to))
                .orElseThrow(() -> NotFoundException.entity(id));
    }

    record Suggestions(List<EntitySuggestion> entities) {
    }
}
