package io.akhbar.guard;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Puts the guard in front of every servlet service that has this module on its class path; settings under
 * {@code akhbar.guard} (see {@link GuardProperties}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(GuardProperties.class)
public class GuardAutoConfiguration {

    /** Right after Boot's encoding and observation filters, so that refusals are still counted in the metrics. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<GuardFilter> akhbarGuardFilter(GuardProperties properties) {
        var registration = new FilterRegistrationBean<>(new GuardFilter(properties, System::nanoTime));
        registration.setOrder(ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
    ProblemReportValve.Installer akhbarProblemReportValve() {
        return new ProblemReportValve.Installer();
    }
}
