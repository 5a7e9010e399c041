package org.wasmconsole.security;

import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What a sign-in keeps for the person signing in (issue #16): after a wrong password the login page
 * shows the user name they typed again (kept in their own session only, never in a URL), and after
 * signing in they land on the page they asked for without Spring Security's {@code ?continue}
 * marker in the address.
 */
@Configuration
public class SignInContinuity {

    /** The session attribute of the user name of the last failed sign-in in this browser session. */
    public static final String LAST_USER_NAME = SignInContinuity.class.getName() + ".lastUserName";
    /**
     * The session attribute set when this browser's previous session was ended because the user's access
     * changed (security.StaleSessionFilter), for the login page to say why.
     */
    public static final String ACCESS_CHANGED = SignInContinuity.class.getName() + ".accessChanged";

    SignInContinuity(VaadinDefaultRequestCache vaadinRequestCache) {
        // Without a matching parameter the saved request is found by the session alone, so the
        // redirect after sign-in goes to the plain URL (Spring's default appends "?continue").
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        vaadinRequestCache.setDelegateRequestCache(cache);
    }

    @EventListener
    public void rememberUserName(AbstractAuthenticationFailureEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            Object name = event.getAuthentication().getPrincipal();
            if (session != null && name instanceof String text && text.length() <= 255) {
                session.setAttribute(LAST_USER_NAME, text);
            }
        }
    }
}
