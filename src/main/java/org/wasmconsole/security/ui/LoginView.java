package org.wasmconsole.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.wasmconsole.security.SignInContinuity;
import org.wasmconsole.security.SingleSignOn;

/**
 * Sign-in page. Says only "wrong user name or password" ({@code ?error}), never which of the two was
 * wrong, or "locked, try later" ({@code ?locked}, see security.LoginThrottle), or, when the session
 * of this browser was ended because an admin changed the user's access, that they were signed out.
 * With an OIDC provider configured (security.SingleSignOn) it offers "Sign in with <provider>" above the
 * password form, or instead of it ({@code console.oidc.local-login=false}; the form then shows at
 * {@code /login?local}, the local admin's break-glass way in, and whenever the provider cannot be reached).
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Wasm Extension Console")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final SingleSignOn sso;
    private final Div ssoSection = new Div();
    private final Paragraph or = new Paragraph("or with a local account");
    private final LoginI18n wrongCredentials = i18n("Wrong user name or password", "Check them and try again.");
    private final LoginI18n locked = i18n("Locked — too many failed attempts", "Try again later.");
    private final LoginI18n signedOut = i18n("Signed out — your access changed",
            "An admin changed your account (role, tenants, password or status). Sign in again to go on.");

    public LoginView(SingleSignOn sso) {
        this.sso = sso;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        form.setI18n(wrongCredentials);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);

        H1 title = new H1("Wasm Extension Console");
        title.addClassName("login-title");
        Paragraph tagline = new Paragraph("WebAssembly extensions of your service mesh, in one place.");
        tagline.addClassName("login-tagline");
        ssoSection.addClassName("login-sso");
        or.addClassName("login-or");
        Div card = new Div(title, tagline, ssoSection, or, form);
        card.addClassName("login-card");
        add(card);
    }

    private static LoginI18n i18n(String errorTitle, String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("User name");
        i18n.getErrorMessage().setTitle(errorTitle);
        i18n.getErrorMessage().setMessage(errorMessage);
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean isLocked = parameters.containsKey("locked");
        form.setI18n(isLocked ? locked : wrongCredentials);
        boolean failed = isLocked || parameters.containsKey("error");
        showSingleSignOn(parameters.getOrDefault("sso", java.util.List.of()).stream().findFirst().orElse(null),
                parameters.containsKey("local") || failed);
        WrappedSession session = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getSession();
        Object lastUserName = session == null ? null : session.getAttribute(SignInContinuity.LAST_USER_NAME);
        boolean accessChanged = session != null && session.getAttribute(SignInContinuity.ACCESS_CHANGED) != null;
        if (session != null) {
            session.removeAttribute(SignInContinuity.LAST_USER_NAME);
            session.removeAttribute(SignInContinuity.ACCESS_CHANGED);
        }
        if (accessChanged && !failed) {
            form.setI18n(signedOut);
        }
        form.setError(failed || accessChanged);
        if (failed && lastUserName instanceof String name) {
            keepUserName(name);
        }
    }

    /**
     * The provider's button and what happened at the provider; the password form beside it, alone
     * without a provider, or only on request ({@code ?local}) or while the provider is unavailable.
     */
    private void showSingleSignOn(String outcome, boolean localAsked) {
        ssoSection.removeAll();
        if (!sso.enabled()) {
            ssoSection.setVisible(false);
            or.setVisible(false);
            return;
        }
        WrappedSession session = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getSession();
        Object refusal = session == null ? null : session.getAttribute(SingleSignOn.REFUSAL);
        if (session != null) {
            session.removeAttribute(SingleSignOn.REFUSAL);
        }
        Optional<String> unavailable = sso.unavailable();
        Button button = new Button("Sign in with " + sso.providerName(), VaadinIcon.SIGN_IN.create(),
                // A full page load: Spring Security starts the authorization code flow there.
                e -> e.getSource().getUI().ifPresent(ui -> ui.getPage().setLocation(sso.loginPath())));
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.addClassName("login-sso-button");
        ssoSection.add(button);
        if ("refused".equals(outcome)) {
            ssoSection.add(notice(refusal instanceof String text ? text
                    : "The console refused your sign-in with " + sso.providerName() + ".", false));
        } else if ("failed".equals(outcome)) {
            ssoSection.add(notice("Sign-in with " + sso.providerName() + " did not complete. Try again; if it fails"
                    + " again, ask your identity provider's admins.", false));
        }
        if (unavailable.isPresent() || "unavailable".equals(outcome)) {
            button.setEnabled(false);
            ssoSection.add(notice("Sign-in with " + sso.providerName() + " is unavailable: "
                    + unavailable.orElse("the provider cannot be reached") + ". Try again later, or sign in with a"
                    + " local account.", false));
        }
        boolean local = sso.localLoginShown() || localAsked || unavailable.isPresent();
        form.setVisible(local);
        or.setVisible(local);
    }

    private static Paragraph notice(String text, boolean info) {
        Paragraph notice = new Paragraph(text);
        notice.addClassName("login-notice");
        if (info) {
            notice.addClassName("info");
        }
        notice.getElement().setAttribute("role", "alert");
        return notice;
    }

    /**
     * After a failed sign-in the user name typed stays, and the password field has the focus
     * (LoginForm has no server-side API for the user name: set in the browser once rendered).
     */
    private void keepUserName(String name) {
        form.getElement().executeJs("""
                const form = this;
                const find = n => form.querySelector(`[name="${n}"]`) || form.shadowRoot?.querySelector(`[name="${n}"]`);
                const fill = () => {
                  const user = find('username');
                  if (!user) { requestAnimationFrame(fill); return; }
                  user.value = $0;
                  user.removeAttribute('autofocus');
                  // After the form's own autofocus of the user name (next frame): the password is what to retype.
                  const password = find('password');
                  if (password) { requestAnimationFrame(() => password.focus()); }
                };
                customElements.whenDefined('vaadin-login-form').then(fill);
                """, name);
    }
}
