package io.akhbar.search.entities;

import io.akhbar.arabic.entity.EntityGazetteer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EntityConfiguration {

    @Bean
    EntityCatalog entityCatalog() {
        return new GazetteerEntityCatalog(EntityGazetteer.defaults());
    }
}
