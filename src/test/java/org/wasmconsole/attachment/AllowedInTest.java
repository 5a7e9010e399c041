package org.wasmconsole.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.ExtensionDefinition;

/** Spec §4/§5: where an extension may be attached, and what the refusal tells the user. */
class AllowedInTest {

    private static final String TENANT1 = "organizations/tse/tenants/tenant1";
    private static final String TENANT2 = "organizations/tse/tenants/tenant2";
    private static final String TENANT3 = "organizations/tse/tenants/tenant3";
    private static final String OTHER_ORG_TENANT = "organizations/acme/tenants/tenant1";

    private static ExtensionDefinition extension(List<String> allowedIn) {
        return ExtensionDefinition.builder().organization("tse").name("wasm-auth")
                .url("oci://docker.io/example/wasm-auth:1.0").allowedIn(allowedIn).build();
    }

    private static Optional<Violation> check(ExtensionDefinition extension, String tenant) {
        return AttachmentValidator.checkAllowedIn(extension, tenant, "extension[0]");
    }

    @Test
    void anOpenExtensionIsAllowedInEveryTenantOfItsOrganization() {
        ExtensionDefinition open = extension(List.of());
        assertThat(AttachmentValidator.isAllowedIn(open, TENANT1)).isTrue();
        assertThat(AttachmentValidator.isAllowedIn(open, TENANT3)).isTrue();
        assertThat(check(open, TENANT3)).isEmpty();
    }

    @Test
    void anExtensionIsAllowedInTheTenantsItLists() {
        ExtensionDefinition restricted = extension(List.of(TENANT1, TENANT2));
        assertThat(AttachmentValidator.isAllowedIn(restricted, TENANT2)).isTrue();
        assertThat(check(restricted, TENANT1)).isEmpty();
    }

    @Test
    void anExtensionIsNotAllowedInATenantItDoesNotList() {
        ExtensionDefinition restricted = extension(List.of(TENANT1, TENANT2));
        assertThat(AttachmentValidator.isAllowedIn(restricted, TENANT3)).isFalse();
        assertThat(check(restricted, TENANT3)).contains(new Violation("extension[0].fqn",
                "extension 'wasm-auth' is not allowed in tenant 'tenant3': attach it in a tenant its"
                        + " spec.allowedIn lists, or ask a platform admin to add organizations/tse/tenants/tenant3"
                        + " to its spec.allowedIn"));
    }

    @Test
    void theRefusalDoesNotNameTheTenantsThatAreAllowed() {
        Violation refusal = check(extension(List.of(TENANT1, TENANT2)), TENANT3).orElseThrow();
        assertThat(refusal.message()).doesNotContain("tenant1", "tenant2");
    }

    @Test
    void anExtensionIsNeverAllowedInATenantOfAnotherOrganization() {
        String message = "extension 'wasm-auth' belongs to organization 'tse' and cannot be attached in tenant"
                + " 'tenant1' of organization 'acme'; attach an extension of organization 'acme' instead";
        ExtensionDefinition open = extension(List.of());
        assertThat(AttachmentValidator.isAllowedIn(open, OTHER_ORG_TENANT)).isFalse();
        assertThat(check(open, OTHER_ORG_TENANT)).contains(new Violation("extension[0].fqn", message));
        // Even a (malformed) allowedIn naming that tenant does not open the organization's border.
        ExtensionDefinition listing = extension(List.of(OTHER_ORG_TENANT));
        assertThat(check(listing, OTHER_ORG_TENANT)).contains(new Violation("extension[0].fqn", message));
    }

    @Test
    void aTargetWithoutATenantFqnIsAProgrammingError() {
        assertThatThrownBy(() -> AttachmentValidator.isAllowedIn(extension(List.of()), "tenant1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a tenant FQN: tenant1");
        assertThatThrownBy(() -> check(extension(List.of()), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
