package io.akhbar.search;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header; the operations come from the controllers (/v3/api-docs, /swagger-ui/index.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI akhbarSearchApi() {
        return new OpenAPI().info(new Info()
                .title("Akhbar search API")
                .version("v1")
                .description("Search Arabic and English news across spellings, clitics and languages; entities, "
                        + "stories and related articles. Errors are RFC 9457 application/problem+json."));
    }
}
