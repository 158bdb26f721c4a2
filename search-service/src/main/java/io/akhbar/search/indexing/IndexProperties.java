package io.akhbar.search.indexing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param alias              the name everything reads and writes; version N lives in index {@code <alias>-vN}
 * @param migrationBatchSize documents per page when copying into a new index version
 * @param deletePrevious     whether to delete the previous version after a migration; kept by default for rollback
 */
@ConfigurationProperties(prefix = "akhbar.index")
record IndexProperties(String alias, int migrationBatchSize, boolean deletePrevious) {
}
