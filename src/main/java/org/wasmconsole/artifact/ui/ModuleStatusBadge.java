package org.wasmconsole.artifact.ui;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import org.wasmconsole.artifact.ModuleReport;

/** The status of a module check as a badge and a sentence, the same wherever it is shown. */
public final class ModuleStatusBadge {

    private ModuleStatusBadge() {
    }

    public static Badge of(ModuleReport r) {
        Badge badge = new Badge(switch (r.status()) {
            case OK -> "Loads as a proxy-wasm filter";
            case WARNING -> "Loads, with warnings";
            case INVALID -> "Cannot load as a proxy-wasm filter";
            case UNREACHABLE -> "Could not be fetched";
            case UNCHECKABLE -> "Cannot be checked";
            case UNCHECKED -> "Not checked yet";
        });
        switch (r.status()) {
            case OK -> badge.addThemeVariants(BadgeVariant.SUCCESS);
            case WARNING -> badge.addThemeVariants(BadgeVariant.WARNING);
            case INVALID, UNREACHABLE -> badge.addThemeVariants(BadgeVariant.ERROR);
            default -> badge.addThemeVariants(BadgeVariant.CONTRAST);
        }
        badge.addClassNames("module-status", "module-status-" + r.status().name().toLowerCase(java.util.Locale.ROOT));
        return badge;
    }

    public static Badge moved(ModuleReport r) {
        Badge badge = new Badge("Tag moved since " + ModuleFacts.WHEN.format(r.tagMovedAt()));
        badge.addThemeVariants(BadgeVariant.WARNING);
        badge.addClassName("module-tag-moved");
        badge.getElement().setAttribute("title", "The tag named " + r.firstDigest() + " when first checked; now "
                + r.digest());
        return badge;
    }

    static String explanation(ModuleReport r) {
        return switch (r.status()) {
            case UNCHECKED -> "The console has not looked behind this url yet. Check now to see its digest, proxy-wasm"
                    + " ABI and exports.";
            case UNCHECKABLE -> "A file:// url names a file on each proxy's own disk: the console cannot see it.";
            case OK -> r.tagMoved() ? "The tag now names another module than when the console first checked it:"
                    + " proxies that pulled it at different times may run different code. Pin the url to a digest,"
                    + " or accept the new digest." : "What proxies will load from this url.";
            case WARNING -> "The proxy can load it; read the warnings below.";
            case INVALID -> "A proxy would fail to load this module (with fail-closed, traffic stops). The reasons:";
            case UNREACHABLE -> "The last check could not fetch the module:";
        };
    }
}
