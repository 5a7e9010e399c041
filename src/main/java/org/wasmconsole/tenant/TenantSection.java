package org.wasmconsole.tenant;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One part of a tenant's page, contributed as a bean by the module that owns what it shows (the
 * extensions assigned to the tenant: extension; its workspaces, gateways and attachments:
 * attachment), so that the page, which the tenant module owns, depends on none of them. The page
 * shows the parts by {@link #order()}, under its header.
 * A page contract: the one type outside a {@code ui} package that names a Vaadin component.
 */
public interface TenantSection {

    /** Where the part stands: lower comes first. */
    int order();

    /** The part for one tenant, built each time the page shows it. */
    Part create(TenantInfo tenant, Page page);

    /** A section from its order and a function that builds its part. */
    static TenantSection of(int order, BiFunction<TenantInfo, Page, Part> part) {
        record Built(int order, BiFunction<TenantInfo, Page, Part> build) implements TenantSection {
            @Override
            public Part create(TenantInfo tenant, Page page) {
                return build.apply(tenant, page);
            }
        }
        return new Built(order, part);
    }

    /** What the page offers its parts. */
    interface Page {

        String organization();

        /** Whether the viewer is a platform admin (operators read the page without write actions). */
        boolean admin();

        /** A part changed something the others may show: every part refreshes. */
        void changed();
    }

    /** A part on the page. */
    interface Part {

        /** Its components, each added to the page in this order. */
        List<Component> components();

        /** Reads again what it shows, after a change made in another part. */
        default void refresh() {
        }

        /**
         * Unfolds, marks and scrolls to one target ({@code ?target=<target FQN>}, where "where used"
         * links to); false when this part has no such target.
         */
        default boolean reveal(String targetFqn) {
            return false;
        }
    }
}
