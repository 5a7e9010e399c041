package org.wasmconsole.attachment;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.extension.ConfigSchemaChanging;
import org.wasmconsole.extension.ConfigSchemas;
import org.wasmconsole.extension.ExtensionInUseException;
import org.wasmconsole.extension.ExtensionWithdrawing;
import org.wasmconsole.extension.InUse;
import org.wasmconsole.security.CurrentUser;
import org.wasmconsole.tenant.TenantDeleting;

/**
 * Keeps attachments valid when what they depend on goes away, inside that change's transaction:
 * an extension deleted, or its {@code allowedIn} narrowed (refuse, naming the attachments, or
 * detach them, as the change asks), and a tenant deleted (its workspaces go with it).
 */
@Component
@RequiredArgsConstructor
class AttachmentGuard {

    private static final int LISTED = 10;

    private final TargetRepository targets;
    private final DefaultSettingRepository settings;
    private final TopologyService topology;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void extensionWithdrawing(ExtensionWithdrawing event) {
        List<AttachmentEntry> affected = targets.attachmentsOf(event.extensionId()).stream()
                .filter(a -> event.deleting()
                        || !AttachmentValidator.isAllowedIn(event.after(), a.getTarget().ref().tenant()))
                .toList();
        // Default settings too: an organization default needs an extension open to all tenants.
        List<DefaultSettingEntry> affectedDefaults = settings.attachmentsOf(event.extensionId()).stream()
                .filter(a -> event.deleting() || !DefaultSettingService.allowedAt(event.after(), a.getSetting().ref()))
                .toList();
        if (affected.isEmpty() && affectedDefaults.isEmpty()) {
            return;
        }
        List<String> places = new java.util.ArrayList<>(affected.stream().map(a -> a.usage().describe()).toList());
        affectedDefaults.forEach(a -> places.add(a.usage().describe()));
        if (event.inUse() == InUse.REFUSE) {
            throw new ExtensionInUseException(event.deleting() ? "metadata.name" : "spec.allowedIn",
                    refusal(event, places), places);
        }
        String user = currentUser.username();
        Map<Target, List<AttachmentEntry>> byTarget = affected.stream()
                .collect(Collectors.groupingBy(AttachmentEntry::getTarget));
        byTarget.forEach((target, entries) -> target.remove(entries, user));
        targets.flush();
        Map<DefaultSetting, List<DefaultSettingEntry>> bySetting = affectedDefaults.stream()
                .collect(Collectors.groupingBy(DefaultSettingEntry::getSetting));
        bySetting.forEach((setting, entries) -> setting.remove(entries, user));
        settings.flush();
        String why = event.deleting() ? "extension deleted" : "no longer allowed in this tenant";
        byTarget.keySet().forEach(target -> events.publishEvent(new AttachmentChanged(
                AttachmentChanged.Change.DETACHED, target.ref().kind().label(), event.before().organization(),
                target.ref().fqn(), "detached " + event.before().name() + " (" + why + ")")));
        bySetting.keySet().forEach(setting -> events.publishEvent(new AttachmentChanged(
                AttachmentChanged.Change.DETACHED, setting.ref().level().label(), event.before().organization(),
                setting.ref().fqn(), "detached " + event.before().name() + " (" + (event.deleting() ? why
                        : "no longer allowed at this level") + ")")));
    }

    /**
     * A new config schema must accept every attachment's config override: each one it would refuse is
     * added to the event's list (the schema service then refuses the change naming them all).
     * Attachments without an override use the extension's own config, which the service checks.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void configSchemaChanging(ConfigSchemaChanging event) {
        if (event.schema() == null) {
            return;
        }
        for (AttachmentEntry entry : targets.attachmentsOf(event.extensionId())) {
            Usage usage = entry.usage();
            if (usage.attachment().overridesConfig()) {
                ConfigSchemas.validate(event.schema(), usage.attachment().config(),
                                "spec.extension[" + usage.index() + "].config")
                        .forEach(v -> event.invalid().add(usage.ref().fqn() + " " + v));
            }
        }
        for (DefaultSettingEntry entry : settings.attachmentsOf(event.extensionId())) {
            SettingUsage usage = entry.usage();
            if (usage.attachment().overridesConfig()) {
                ConfigSchemas.validate(event.schema(), usage.attachment().config(),
                                SettingUsage.PATH + "[" + usage.index() + "].config")
                        .forEach(v -> event.invalid().add(usage.ref().fqn() + " " + v));
            }
        }
    }

    /** The tenant's workspaces go with it (their groups, gateways, settings and attachments). */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void tenantDeleting(TenantDeleting event) {
        String tenantFqn = event.tenant().fqn();
        topology.workspaces(tenantFqn).forEach(w -> topology.deleteWorkspace(tenantFqn, w.name()));
        settings.deleteAll(settings.findByTenantId(event.tenant().id())); // its TenantSettings
        settings.flush();
    }

    private static String refusal(ExtensionWithdrawing event, List<String> places) {
        String listed = places.stream().limit(LISTED).collect(Collectors.joining(", "))
                + (places.size() > LISTED ? " and " + (places.size() - LISTED) + " more" : "");
        String name = "'" + event.before().name() + "'";
        return event.deleting()
                ? "extension " + name + " is attached in " + count(places) + ": " + listed + ". Detach it there first,"
                        + " or choose to detach it everywhere as you delete it"
                : "the new spec.allowedIn leaves out the tenants of " + count(places) + " where extension " + name
                        + " is attached: " + listed + ". Keep those tenants, detach it there first, or choose to"
                        + " detach it as you save";
    }

    private static String count(List<String> places) {
        return places.size() == 1 ? "1 place" : places.size() + " places";
    }
}
