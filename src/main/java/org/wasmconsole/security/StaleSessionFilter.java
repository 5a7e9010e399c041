package org.wasmconsole.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session whose user's access changed, on whichever instance it lives
 * ({@link SecurityStamps}): the HTTP session is invalidated and the request goes on unauthenticated.
 * A page request is then sent to the login page; a Vaadin request of an open page finds its session
 * expired, and Vaadin reloads the page, which goes to the login page too. A new session remembers
 * why, for the login page to say (as for a session that this instance ended at once, when the change
 * was made here: {@link SecurityStamps#sessionEnded}) ({@link SignInContinuity#ACCESS_CHANGED}). Not a bean: Spring Boot would also
 * register it as a servlet filter outside the security chain.
 */
class StaleSessionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StaleSessionFilter.class);

    private final SecurityStamps stamps;

    StaleSessionFilter(SecurityStamps stamps) {
        this.stamps = stamps;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Read per request: Vaadin installs its own strategy when it starts.
        SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        HttpSession session = request.getSession(false);
        if (session == null && stamps.wasEnded(request.getRequestedSessionId())) {
            // Ended on this instance at once when the change was made here (security.ui.UserSessions).
            request.getSession(true).setAttribute(SignInContinuity.ACCESS_CHANGED, Boolean.TRUE);
        }
        Authentication authentication = session == null ? null : contexts.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ConsolePrincipal principal
                && !stamps.isCurrent(principal)) {
            log.info("Ended a session of '{}': their access changed", principal.getUsername());
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // ended by this instance's own UserSessions in the meantime
            }
            contexts.clearContext();
            request.getSession(true).setAttribute(SignInContinuity.ACCESS_CHANGED, Boolean.TRUE);
        }
        chain.doFilter(request, response);
    }
}
