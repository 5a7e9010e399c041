package org.wasmconsole.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A TSB fully qualified name, the one place where one is parsed and written:
 * {@code organizations/<org>}, {@code organizations/<org>/extensions/<extension>}, and the
 * hierarchy {@code organizations/<org>/tenants/<tenant>/workspaces/<workspace>/<groups>/<group>/<targets>/<target>},
 * where {@code <groups>} is the group's collection ({@code gatewaygroups}, {@code securitygroups}) and
 * {@code <targets>} the target's ({@code ingressgateways}, {@code settings}, ...): the kinds that own
 * those words (attachment's {@code GroupKind} and {@code TargetKind}) map them; here they are just
 * lowercase words. The rules for names (DNS labels and the like) are the validators': building an FQN
 * takes any name, so that a document with a bad name still gets its FQN and its validator's message;
 * {@link #parse} reads only non-empty names without {@code /}.
 *
 * @param groupCollection  e.g. {@code gatewaygroups}; set with {@code group}
 * @param targetCollection e.g. {@code ingressgateways}; set with {@code target}
 */
public record Fqn(String organization, String tenant, String workspace, String groupCollection, String group,
                  String targetCollection, String target, String extension) {

    /** How deep an FQN goes; each level names one thing. */
    public enum Level {
        ORGANIZATION, TENANT, WORKSPACE, GROUP, TARGET, EXTENSION;

        /** How an FQN of this level is written, for error messages. */
        public String shape() {
            return switch (this) {
                case ORGANIZATION -> "organizations/<organization>";
                case TENANT -> "organizations/<organization>/tenants/<tenant>";
                case WORKSPACE -> "organizations/<organization>/tenants/<tenant>/workspaces/<workspace>";
                case GROUP -> WORKSPACE.shape() + "/<gatewaygroups|securitygroups>/<group>";
                case TARGET -> GROUP.shape() + "/<ingressgateways|egressgateways|tier1gateways|gateways|settings>/<name>";
                case EXTENSION -> "organizations/<organization>/extensions/<extension>";
            };
        }
    }

    private static final String ORGANIZATIONS = "organizations";
    private static final String TENANTS = "tenants";
    private static final String WORKSPACES = "workspaces";
    private static final String EXTENSIONS = "extensions";
    private static final Pattern COLLECTION = Pattern.compile("[a-z0-9]+");

    public Fqn {
        name("organization", organization);
        if (extension != null) {
            name("extension", extension);
            if (tenant != null || workspace != null || group != null || target != null
                    || groupCollection != null || targetCollection != null) {
                throw new IllegalArgumentException("an extension's FQN names only its organization: "
                        + Level.EXTENSION.shape());
            }
        }
        if (workspace != null) {
            require(tenant != null, "a workspace needs its tenant");
            name("workspace", workspace);
        }
        if (tenant != null) {
            name("tenant", tenant);
        }
        if (group != null || groupCollection != null) {
            require(workspace != null, "a group needs its workspace");
            collection(groupCollection);
            name("group", group);
        }
        if (target != null || targetCollection != null) {
            require(group != null, "a target needs its group");
            collection(targetCollection);
            name("target", target);
        }
    }

    public static Fqn organization(String organization) {
        return new Fqn(organization, null, null, null, null, null, null, null);
    }

    public static Fqn tenant(String organization, String tenant) {
        return new Fqn(organization, tenant, null, null, null, null, null, null);
    }

    public static Fqn extension(String organization, String extension) {
        return new Fqn(organization, null, null, null, null, null, null, extension);
    }

    /** The workspace of this tenant. */
    public Fqn workspace(String name) {
        require(level() == Level.TENANT, "a workspace belongs to a tenant, not to " + this);
        return new Fqn(organization, tenant, name, null, null, null, null, null);
    }

    /** The group of this workspace, in the given collection ({@code gatewaygroups}, {@code securitygroups}). */
    public Fqn group(String collection, String name) {
        require(level() == Level.WORKSPACE, "a group belongs to a workspace, not to " + this);
        return new Fqn(organization, tenant, workspace, collection, name, null, null, null);
    }

    /** The target of this group, in the given collection ({@code ingressgateways}, {@code settings}, ...). */
    public Fqn target(String collection, String name) {
        require(level() == Level.GROUP, "a target belongs to a group, not to " + this);
        return new Fqn(organization, tenant, workspace, groupCollection, group, collection, name, null);
    }

    public Level level() {
        if (extension != null) {
            return Level.EXTENSION;
        }
        if (target != null) {
            return Level.TARGET;
        }
        if (group != null) {
            return Level.GROUP;
        }
        if (workspace != null) {
            return Level.WORKSPACE;
        }
        return tenant != null ? Level.TENANT : Level.ORGANIZATION;
    }

    /** The name of what this FQN names (its last segment). */
    public String name() {
        return switch (level()) {
            case ORGANIZATION -> organization;
            case TENANT -> tenant;
            case WORKSPACE -> workspace;
            case GROUP -> group;
            case TARGET -> target;
            case EXTENSION -> extension;
        };
    }

    /** The tenant this FQN is in (itself for a tenant); empty for an organization or extension. */
    public Optional<Fqn> tenantFqn() {
        return tenant == null ? Optional.empty() : Optional.of(tenant(organization, tenant));
    }

    /** The FQN as TSB writes it. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(ORGANIZATIONS).append('/').append(organization);
        if (extension != null) {
            return s.append('/').append(EXTENSIONS).append('/').append(extension).toString();
        }
        if (tenant != null) {
            s.append('/').append(TENANTS).append('/').append(tenant);
        }
        if (workspace != null) {
            s.append('/').append(WORKSPACES).append('/').append(workspace);
        }
        if (group != null) {
            s.append('/').append(groupCollection).append('/').append(group);
        }
        if (target != null) {
            s.append('/').append(targetCollection).append('/').append(target);
        }
        return s.toString();
    }

    /**
     * Reads an FQN of any level.
     *
     * @throws IllegalArgumentException saying what is wrong and how an FQN is written
     */
    public static Fqn parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("an FQN is required, e.g. " + Level.TENANT.shape());
        }
        List<String> parts = new ArrayList<>(List.of(text.split("/", -1)));
        if (parts.size() % 2 != 0 || parts.size() > 10 || !ORGANIZATIONS.equals(parts.getFirst())) {
            throw malformed(text);
        }
        for (int i = 1; i < parts.size(); i += 2) {
            if (parts.get(i).isEmpty()) {
                throw new IllegalArgumentException("'" + text + "' is not an FQN: the name after '" + parts.get(i - 1)
                        + "/' is empty");
            }
        }
        if (parts.size() == 4 && EXTENSIONS.equals(parts.get(2))) {
            return wrap(text, () -> extension(parts.get(1), parts.get(3)));
        }
        if ((parts.size() >= 4 && !TENANTS.equals(parts.get(2))) || (parts.size() >= 6 && !WORKSPACES.equals(parts.get(4)))) {
            throw malformed(text);
        }
        while (parts.size() < 10) {
            parts.add(null);
        }
        return wrap(text, () -> new Fqn(parts.get(1), parts.get(3), parts.get(5), parts.get(6), parts.get(7),
                parts.get(8), parts.get(9), null));
    }

    /**
     * Reads an FQN that must be of the given level.
     *
     * @throws IllegalArgumentException {@code '<text>' is not a tenant FQN: write organizations/<organization>/tenants/<tenant>}
     */
    public static Fqn parse(String text, Level level) {
        return tryParse(text).filter(f -> f.level() == level).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not " + article(level) + " FQN: write " + level.shape()));
    }

    /**
     * A tenant FQN as {@link #tenant(String, String)} wrote it, also when a name in it breaks the rules
     * (a document not validated yet, whose validator will say so): the organization is what stands
     * between {@code organizations/} and the last {@code /tenants/}, the tenant what follows it.
     *
     * @throws IllegalArgumentException for a text that is no tenant FQN at all
     */
    public static Fqn tenantOf(String text) {
        return tryParse(text, Level.TENANT).orElseGet(() -> {
            String prefix = ORGANIZATIONS + "/";
            String middle = "/" + TENANTS + "/";
            int cut = text == null ? -1 : text.lastIndexOf(middle);
            if (cut < prefix.length() - 1 || !text.startsWith(prefix)) {
                return parse(text, Level.TENANT);
            }
            return tenant(text.substring(Math.min(prefix.length(), cut), cut), text.substring(cut + middle.length()));
        });
    }

    /** The FQN, or empty when the text is not one. */
    public static Optional<Fqn> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The FQN of the given level, or empty when the text is not one of that level. */
    public static Optional<Fqn> tryParse(String text, Level level) {
        return tryParse(text).filter(f -> f.level() == level);
    }

    /**
     * The name at the end of a text that should be an FQN, for showing it: the FQN's name, or for a
     * text that is not one, what follows its last {@code /} (so that a broken reference still shows).
     */
    public static String nameOf(String text) {
        if (text == null) {
            return "";
        }
        return tryParse(text).map(Fqn::name).orElseGet(() -> text.substring(text.lastIndexOf('/') + 1));
    }

    private static Fqn wrap(String text, java.util.function.Supplier<Fqn> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an FQN: " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException malformed(String text) {
        return new IllegalArgumentException("'" + text + "' is not an FQN: write " + Level.TENANT.shape()
                + ", deeper (" + Level.TARGET.shape() + ") or " + Level.EXTENSION.shape());
    }

    private static String article(Level level) {
        return level == Level.ORGANIZATION || level == Level.EXTENSION ? "an " + level.name().toLowerCase()
                : "a " + level.name().toLowerCase();
    }

    private static void name(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException("the " + what + " name is missing");
        }
    }

    private static void collection(String value) {
        if (value == null || !COLLECTION.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a collection such as gatewaygroups or"
                    + " ingressgateways: lowercase letters and digits");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
