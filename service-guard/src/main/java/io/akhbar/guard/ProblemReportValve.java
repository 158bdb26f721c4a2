package io.akhbar.guard;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

import java.io.IOException;

/**
 * Requests that Tomcat refuses before Spring sees them (a malformed request line or escape, a header too large or
 * malformed) get problem+json like every other error, instead of Tomcat's HTML page.
 */
class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String title = Problems.reason(status);
        try {
            Problems.write(response, status, "malformed-request", title, status == 400
                    ? "The request line, a header or an escape in the URL is malformed or too large" : title, null);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot take a body: the status line has been sent, nothing to add.
        }
    }

    /** Replaces Boot's HTML error valve on the host; runs after Boot's customizer, which adds that valve. */
    static class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                // The host adds a valve of this class at start unless one is there: ours is.
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve());
            });
        }
    }
}
