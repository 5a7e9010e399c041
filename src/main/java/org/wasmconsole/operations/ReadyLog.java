package org.wasmconsole.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One line that says the console is up and where, once start-up work (first admin, sample data)
 * is done: the actual port (server.port=0 picks a free one) and the servlet context path.
 * Operators and the durability test wait for it.
 */
@Component
class ReadyLog {

    static final String MESSAGE_PREFIX = "Wasm Extension Console ready at ";

    private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String contextPath = web.getEnvironment().getProperty("server.servlet.context-path", "");
            log.info("{}{}", MESSAGE_PREFIX, url(web.getWebServer().getPort(), contextPath));
        }
    }

    /** The local address of the console; always ends with "/" so that it opens the catalogue. */
    static String url(int port, String contextPath) {
        String path = contextPath == null ? "" : contextPath.strip();
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return "http://localhost:" + port + path;
    }
}
