package io.akhbar.elasticsearch;

import java.util.List;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * Settings of the clitics and stem filters. Elasticsearch implements this interface with a dynamic
 * proxy over the filter's settings, which is why it has to be public.
 *
 * <p>Do not call toString, equals or hashCode on the injected instance: the proxy only answers methods
 * carrying a setting annotation.
 */
@AnalysisSettings
public interface ProtectedWordsSettings {

    /**
     * Words (typically names) to leave unstemmed in addition to io.akhbar.arabic's default list, e.g.
     * {@code "protected_words": ["ويتكوف", "نيبينزيا"]}. Written naturally: they are normalized on load.
     */
    @ListSetting(path = "protected_words")
    List<String> protectedWords();
}
