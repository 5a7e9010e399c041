package org.wasmconsole.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What a user sees when an action fails in a way its view did not expect: a sentence, never a
 * stack trace. Views handle the refusals they know (rules, conflicts, not found); what is left is a
 * write that lost a race at commit (someone else changed the same thing), a refused role, or a bug,
 * which is logged under a reference the user can quote.
 */
@Component
class UnexpectedErrors implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this::handle));
    }

    private void handle(ErrorEvent event) {
        String message = message(event.getThrowable());
        if (UI.getCurrent() != null) {
            Notify.error(message);
        }
    }

    /** The sentence for the failure; a bug is logged here, with the reference the sentence gives. */
    static String message(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockingFailureException) {
                return "Someone else changed the same thing at the same moment, so nothing was saved. Reload the"
                        + " page and try again.";
            }
            if (t instanceof AccessDeniedException) {
                return "Your role does not allow this.";
            }
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error in the console (reference {})", reference, failure);
        return "Something went wrong and the action did not finish. The server log has the details under"
                + " reference " + reference + ".";
    }
}
