package io.akhbar.search.ui;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class UiSecurityHeadersTest {

    private final UiSecurityHeaders filter = new UiSecurityHeaders();

    @Test
    void thePageAndItsAssetsGetAPolicyWithoutInlineScriptOrEval() throws Exception {
        for (String path : new String[] {"/", "/index.html", "/assets/js/main.js", "/assets/akhbar.css"}) {
            MockHttpServletResponse response = filter(path);

            String policy = response.getHeader("Content-Security-Policy");
            assertThat(policy).as(path).contains("script-src 'self'", "default-src 'none'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void theApiAndSwaggerUiAreLeftAlone() throws Exception {
        for (String path : new String[] {"/api/v1/search", "/swagger-ui/index.html", "/v3/api-docs"}) {
            assertThat(filter(path).getHeader("Content-Security-Policy")).as(path).isNull();
        }
    }

    private MockHttpServletResponse filter(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
