package org.wasmconsole.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wasmconsole.base.NotFoundException;

/** Any other path under /api is a 404 problem, not the screens' HTML page (Vaadin answers every unmapped path). */
@RestController
@Hidden
class UnknownApiPath {

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        throw new NotFoundException("API path " + request.getRequestURI() + " (see /v3/api-docs)");
    }
}
