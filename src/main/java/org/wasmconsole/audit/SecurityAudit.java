package org.wasmconsole.audit;

import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Component;
import org.wasmconsole.security.ConsoleOidcUser;
import org.wasmconsole.security.OidcSignInRefused;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records sign-ins, failed sign-ins and refusals. These happen outside any business transaction, so
 * each is written in a transaction of its own (REQUIRES_NEW: never part of, nor rolled back with,
 * whatever the caller was doing). Sign-ins are the login page's (form login publishes an
 * interactive authentication event); failed authentications, of the login page and of the API's
 * HTTP Basic alike, come from Spring Security's authentication event publisher (Boot's); refusals from the {@code AuthorizationEventPublisher} of {@link AuditConfig}
 * (method security and URL rules) and from the console's "Not allowed" page, which publishes an
 * {@link AuthorizationDeniedEvent} whose object is the page's path. Refusals of anonymous visitors
 * are not recorded: every visit before signing in would be one (the sign-in page follows).
 */
@Component
class SecurityAudit {

    private static final Logger log = LoggerFactory.getLogger(SecurityAudit.class);

    private final AuditRecordRepository records;
    private final TransactionTemplate ownTransaction;

    SecurityAudit(AuditRecordRepository records, PlatformTransactionManager transactionManager) {
        this.records = records;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * A sign-in on the login page. Not every authentication: the REST API authenticates each
     * request with HTTP Basic, and a record per API call would bury the trail (its changes are
     * recorded with their user anyway, and its failed authentications below).
     */
    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        record(auth.getName(), AuditAction.LOGIN, AuditResourceType.USER, auth.getName(), "signed in"
                + provider(auth) + from(auth));
    }

    /** A person the OIDC provider authenticated but the console refused (no group mapping matches, ...). */
    @EventListener
    void oidcSignInRefused(OidcSignInRefused event) {
        record(event.username(), AuditAction.LOGIN_FAILED, AuditResourceType.USER, event.username(), event.detail());
    }

    /** " with Corporate SSO (issuer …, subject …)" for a sign-in through the OIDC provider, else nothing. */
    private static String provider(Authentication auth) {
        if (auth.getPrincipal() instanceof ConsoleOidcUser user) {
            return " with " + user.getProviderName() + " (issuer " + user.getIssuer() + ", subject "
                    + user.getSubject() + ")";
        }
        return "";
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        if (event.getException() instanceof OAuth2AuthenticationException e
                && OidcSignInRefused.ERROR_CODE.equals(e.getError().getErrorCode())) {
            return; // recorded with the person's name and the reason by oidcSignInRefused
        }
        Authentication auth = event.getAuthentication();
        String name = auth.getName() == null || auth.getName().isBlank() ? "(no name)" : auth.getName();
        String reason = switch (event.getException()) {
            case LockedException e -> "account locked after repeated failures";
            case DisabledException e -> "account disabled";
            case BadCredentialsException e -> "wrong user name or password";
            case OAuth2AuthenticationException e -> "sign-in with the OIDC provider failed: "
                    + e.getError().getErrorCode();
            default -> event.getException().getClass().getSimpleName();
        };
        record(name, AuditAction.LOGIN_FAILED, AuditResourceType.USER, name, reason + from(auth));
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Supplier<Authentication> supplier = event.getAuthentication();
        Authentication auth = supplier == null ? null : supplier.get();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return;
        }
        Object object = event.getSource();
        switch (object) {
            case String page -> record(auth.getName(), AuditAction.ACCESS_DENIED, AuditResourceType.PAGE,
                    "/" + page, "page refused to " + roles(auth));
            case MethodInvocation m -> record(auth.getName(), AuditAction.ACCESS_DENIED, AuditResourceType.OPERATION,
                    m.getMethod().getDeclaringClass().getSimpleName() + "." + m.getMethod().getName(),
                    "operation refused to " + roles(auth));
            case jakarta.servlet.http.HttpServletRequest request -> record(auth.getName(), AuditAction.ACCESS_DENIED,
                    AuditResourceType.OPERATION, request.getMethod() + " " + request.getRequestURI(),
                    "request refused to " + roles(auth));
            default -> record(auth.getName(), AuditAction.ACCESS_DENIED, AuditResourceType.OPERATION,
                    object.getClass().getSimpleName(), "refused to " + roles(auth));
        }
    }

    private void record(String username, AuditAction action, AuditResourceType type, String resource,
                        String summary) {
        try {
            ownTransaction.executeWithoutResult(status -> records.save(new AuditRecord(AuditTrail.now(), username,
                    action, type, null, resource, summary, null, null, null)));
        } catch (RuntimeException e) {
            // A sign-in or a refusal goes on even if it cannot be recorded; say so loudly.
            log.error("Could not record {} of '{}' in the audit trail", action, AuditRecord.clip(username, 63), e);
        }
    }

    private static String roles(Authentication auth) {
        return String.join(", ", auth.getAuthorities().stream().map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                .sorted().toList());
    }

    private static String from(Authentication auth) {
        return auth.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? " from " + compact(d.getRemoteAddress()) : "";
    }

    /**
     * An IPv6 address as people write it ("::1", not the servlet container's "0:0:0:0:0:0:0:1"): the
     * longest run of zero groups folded to "::" (RFC 5952). Anything else is kept as it is.
     */
    static String compact(String address) {
        String[] groups = address.split(":", -1);
        if (groups.length != 8 || address.contains("::")) {
            return address;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j].matches("0+")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        java.util.List<String> parts = java.util.Arrays.stream(groups).map(g -> g.replaceFirst("^0+(?=.)", "")).toList();
        if (bestStart < 0) {
            return String.join(":", parts);
        }
        return String.join(":", parts.subList(0, bestStart)) + "::"
                + String.join(":", parts.subList(bestStart + bestLength, 8));
    }
}
