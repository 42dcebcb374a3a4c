package jp.renkei.server.quarantine.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The walled garden's own HTTP port ({@code renkei.garden.port}; 0 takes a free one, below 0 turns
 * it off): a second Tomcat connector on which every host name and every path is the garden page,
 * since a quarantined client's resolver answers every name with the garden. The consoles' port
 * never shows the garden, and the garden port shows nothing else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class GardenPort extends OncePerRequestFilter implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** Where the garden page lives behind the rewrite. */
    static final String PAGE = "/walled-garden";
    /** Where the self-release form posts. */
    static final String RELEASE = "/walled-garden/release";

    private static final Logger log = LoggerFactory.getLogger(GardenPort.class);

    private final int configuredPort;
    private volatile Connector connector;

    GardenPort(@Value("${renkei.garden.port:-1}") int configuredPort) {
        this.configuredPort = configuredPort;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (configuredPort < 0) {
            log.info("Walled garden port off (set RENKEI_GARDEN_PORT to serve the garden page)");
            return;
        }
        Connector c = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        c.setPort(configuredPort);
        c.setURIEncoding("UTF-8");
        factory.addAdditionalConnectors(c);
        connector = c;
    }

    /** The port the garden answers on once the server runs; empty when it is off. */
    public Optional<Integer> port() {
        Connector c = connector;
        return c == null || c.getLocalPort() <= 0 ? Optional.empty() : Optional.of(c.getLocalPort());
    }

    private boolean isGarden(HttpServletRequest request) {
        Optional<Integer> p = port();
        return p.isPresent() && request.getLocalPort() == p.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean garden = isGarden(request);
        if (!garden) {
            if (request.getRequestURI().startsWith(PAGE)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        String target = "POST".equals(request.getMethod()) && RELEASE.equals(request.getRequestURI()) ? RELEASE : PAGE;
        chain.doFilter(new Rewritten(request, target), response);
    }

    /** The request as if it had asked for the garden's own path; everything else (host, address, query) kept. */
    private static final class Rewritten extends HttpServletRequestWrapper {

        private final String path;

        Rewritten(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + path;
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(getScheme() + "://" + getServerName() + ":" + getServerPort() + getRequestURI());
        }

        @Override
        public String getServletPath() {
            return path;
        }

        @Override
        public String getPathInfo() {
            return null;
        }
    }
}
