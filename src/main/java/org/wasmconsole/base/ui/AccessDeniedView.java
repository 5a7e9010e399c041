package org.wasmconsole.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What a signed-in user sees on a page their role does not allow (an operator typing an admin
 * URL): a plain refusal and the way back, instead of Vaadin's "could not navigate". The refusal
 * is published as Spring Security's {@link AuthorizationDeniedEvent} (its object: the page's path),
 * like the refusals of method security, so that the audit trail records it.
 */
@PageTitle("Not allowed · Wasm Extension Console")
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private final ApplicationEventPublisher events;

    public AccessDeniedView(ApplicationEventPublisher events) {
        this.events = events;
        addClassNames("empty-state", "access-denied");
        setAlignItems(Alignment.CENTER);
        add(VaadinIcon.LOCK.create(), new H2("Not allowed"),
                new Paragraph("Your role does not give access to this page. Platform admins manage"
                        + " extensions, tenants and users; tenant operators review the extensions of their tenants."),
                new Anchor("", "Back to the extensions"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        events.publishEvent(new AuthorizationDeniedEvent<>(() -> authentication, event.getLocation().getPath(),
                new AuthorizationDecision(false)));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
