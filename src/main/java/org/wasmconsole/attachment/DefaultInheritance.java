package org.wasmconsole.attachment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * What reaches a security setting or a default setting from the default settings above it, following
 * TSB's propagation of security settings (TenantSetting reference: "The default propagation strategy is
 * REPLACE, in which a lower level SecuritySetting in the configuration hierarchy replaces a higher level
 * SecuritySetting"): organization, then tenant, then workspace defaults, then a security group's
 * SecuritySetting. A level replaces the extensions of the levels above it when it has a
 * {@code defaultSecuritySetting} (a SecuritySetting always has one); extensions of a level whose
 * {@code propagationStrategy} is {@code STRICTER} cannot be replaced: lower levels add to them (the console's
 * reading of STRICTER for extension lists; an extension attached at both keeps the higher level's attachment).
 * Gateways are configured by their gateway groups, not by security settings: no default reaches them.
 */
@Component
@RequiredArgsConstructor
class DefaultInheritance {

    private final DefaultSettingRepository settings;

    /** The filter chain entries of a gateway or security setting: what it inherits, then its own. */
    List<FilterChain.Entry> entriesOf(Target target) {
        List<Held> chain = new ArrayList<>();
        if (target.ref().kind() == TargetKind.SECURITY_SETTING) {
            Workspace workspace = target.getGroup().getWorkspace();
            chain = above(workspace.getTenant().getOrganizationName(), workspace.getTenant().fqn(), workspace.getName());
        }
        List<FilterChain.Entry> own = new ArrayList<>();
        String source = "this " + target.ref().kind().label();
        target.getAttachments().forEach(a -> own.add(new FilterChain.Entry(a.getExtension().toDefinition(),
                a.attachment(), source, target.ref().fqn())));
        return replace(chain, own, false);
    }

    /** The chain of a default setting: what reaches it from the levels above, then its own. */
    List<FilterChain.Entry> entriesOf(DefaultSetting setting) {
        SettingRef ref = setting.ref();
        List<Held> chain = switch (ref.level()) {
            case ORGANIZATION -> new ArrayList<>();
            case TENANT -> above(ref.organization(), null, null);
            case WORKSPACE -> above(ref.organization(), ref.tenantFqn(), null);
        };
        List<FilterChain.Entry> own = new ArrayList<>();
        setting.getAttachments().forEach(a -> own.add(entry(a)));
        if (!setting.definition().security()) {
            return chain.stream().map(Held::entry).toList();
        }
        return replace(chain, own, false);
    }

    /**
     * The chain that reaches the level below the given owners: organization defaults, then the tenant's
     * (when {@code tenantFqn} is given), then its workspace's (when {@code workspace} is given too).
     */
    private List<Held> above(String organization, String tenantFqn, String workspace) {
        List<Held> chain = new ArrayList<>();
        List<String> owners = new ArrayList<>(List.of("organizations/" + organization));
        if (tenantFqn != null) {
            owners.add(tenantFqn);
            if (workspace != null) {
                owners.add(tenantFqn + "/workspaces/" + workspace);
            }
        }
        for (String owner : owners) {
            List<DefaultSetting> level = settings.findByOwnerFqnOrderByName(owner).stream()
                    .filter(s -> s.definition().security()).toList();
            if (level.isEmpty()) {
                continue;
            }
            List<Held> own = new ArrayList<>();
            for (DefaultSetting s : level) {
                boolean stricter = s.definition().propagation() == DefaultSettingDefinition.Propagation.STRICTER;
                s.getAttachments().forEach(a -> own.add(new Held(entry(a), stricter)));
            }
            chain = replaceHeld(chain, own);
        }
        return chain;
    }

    private static List<FilterChain.Entry> replace(List<Held> chain, List<FilterChain.Entry> own, boolean stricter) {
        return replaceHeld(chain, own.stream().map(e -> new Held(e, stricter)).toList()).stream()
                .map(Held::entry).toList();
    }

    /** A lower level's entries replace the chain, except what a STRICTER level above keeps. */
    private static List<Held> replaceHeld(List<Held> chain, List<Held> lower) {
        List<Held> next = new ArrayList<>(chain.stream().filter(Held::locked).toList());
        Set<String> kept = new HashSet<>();
        next.forEach(h -> kept.add(h.entry().extension().fqn()));
        lower.stream().filter(h -> !kept.contains(h.entry().extension().fqn())).forEach(next::add);
        return next;
    }

    private static FilterChain.Entry entry(DefaultSettingEntry a) {
        SettingRef ref = a.getSetting().ref();
        return new FilterChain.Entry(a.getExtension().toDefinition(), a.attachment(), ref.level().source(), ref.fqn());
    }

    private record Held(FilterChain.Entry entry, boolean locked) {
    }
}
