package org.wasmconsole.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.junit.jupiter.api.Test;

/** Every screen's notifications: where, how long, how they look and how a screen reader hears them. */
class NotifyTest extends BrowserlessTest {

    @Test
    void aSuccessIsShortGreenAndPoliteAtTheBottom() {
        Notification n = Notify.success("Saved wasm-auth");
        assertThat(n.isOpened()).isTrue();
        assertThat(n.getPosition()).isEqualTo(Notification.Position.BOTTOM_START);
        assertThat(n.getDuration()).isEqualTo(Notify.SUCCESS_MS);
        assertThat(n.hasThemeName(NotificationVariant.LUMO_SUCCESS.getVariantName())).isTrue();
        assertThat(n.isAssertive()).isFalse();
        assertThat(n.getElement().getProperty("text")).isEqualTo("Saved wasm-auth");
    }

    @Test
    void errorsAndWarningsAreAnnouncedAtOnceInTheMiddle() {
        Notification error = Notify.error("Nothing was saved: x.");
        Notification warning = Notify.warning("x no longer exists: someone else deleted it.");
        assertThat(error.getPosition()).isEqualTo(Notification.Position.MIDDLE);
        assertThat(error.isAssertive()).isTrue();
        assertThat(error.hasThemeName(NotificationVariant.LUMO_ERROR.getVariantName())).isTrue();
        assertThat(warning.getPosition()).isEqualTo(Notification.Position.MIDDLE);
        assertThat(warning.isAssertive()).isTrue();
        assertThat(warning.hasThemeName(NotificationVariant.LUMO_WARNING.getVariantName())).isTrue();
    }

    @Test
    void aHintIsNeutralAndPolite() {
        Notification info = Notify.info("Fix the YAML first");
        assertThat(info.hasThemeName(NotificationVariant.LUMO_CONTRAST.getVariantName())).isTrue();
        assertThat(info.isAssertive()).isFalse();
        assertThat(info.getDuration()).isEqualTo(Notify.INFO_MS);
    }

    @Test
    void aLongMessageStaysLongEnoughToReadButNotForever() {
        String longer = "Nothing was saved: " + "a rule was broken; ".repeat(10);
        assertThat(Notify.duration(longer, Notify.ERROR_MS)).isEqualTo(2000 + Notify.MS_PER_CHARACTER * longer.length())
                .isGreaterThan(Notify.ERROR_MS);
        assertThat(Notify.duration("x".repeat(5000), Notify.ERROR_MS)).isEqualTo(Notify.MAX_MS);
        assertThat(Notify.duration(null, Notify.SUCCESS_MS)).isEqualTo(Notify.SUCCESS_MS);
    }
}
