package org.wasmconsole.security.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.wasmconsole.security.ConsolePrincipal;
import org.wasmconsole.security.SecurityStamps;
import org.wasmconsole.security.UserAccessRevoked;

/**
 * Ends the open sessions of a user who was disabled or deleted, whose role or tenants changed or whose
 * password was reset (what their session holds is out of date) on this instance, at once: their next
 * request lands on the login page. Every page of the console is a Vaadin page, so the Vaadin sessions
 * of this instance are the sessions to look at; the signed-in user is read from the Spring Security
 * context kept in the HTTP session. The sessions on other instances end by the user's raised security
 * stamp (security.SecurityStamps, checked by security.StaleSessionFilter). The session of the admin
 * who made the change stays: when they reset their own password, it takes the new stamp.
 */
@Component
@RequiredArgsConstructor
class UserSessions implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

    private final Set<VaadinSession> sessions = ConcurrentHashMap.newKeySet();
    private final SecurityStamps stamps;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> sessions.add(e.getSession()));
        event.getSource().addSessionDestroyListener(e -> sessions.remove(e.getSession()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void accessRevoked(UserAccessRevoked event) {
        VaadinSession current = VaadinSession.getCurrent();
        for (VaadinSession session : sessions) {
            if (session == current) {
                keepOwnSession(session, event.username());
                continue;
            }
            WrappedSession http = session.getSession();
            try {
                if (http != null && event.username().equals(username(http))) {
                    String id = http.getId();
                    http.invalidate();
                    stamps.sessionEnded(id);
                    sessions.remove(session);
                    log.info("Ended a session of '{}': access changed", event.username());
                }
            } catch (IllegalStateException alreadyInvalidated) {
                sessions.remove(session);
            }
        }
    }

    /** An admin who reset their own password stays signed in here, with the stamp of the new password. */
    private void keepOwnSession(VaadinSession session, String username) {
        WrappedSession http = session.getSession();
        Object context = http == null ? null
                : http.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context instanceof SecurityContext c && c.getAuthentication() != null
                && c.getAuthentication().getPrincipal() instanceof ConsolePrincipal principal
                && principal.getUsername().equals(username)) {
            stamps.read(username).ifPresent(stamp -> c.setAuthentication(UsernamePasswordAuthenticationToken
                    .authenticated(principal.withSecurityStamp(stamp), null, c.getAuthentication().getAuthorities())));
        }
    }

    private static String username(WrappedSession http) {
        Object context = http.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext c && c.getAuthentication() != null
                ? c.getAuthentication().getName() : null;
    }
}
