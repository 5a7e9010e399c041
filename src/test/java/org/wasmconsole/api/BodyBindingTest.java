package org.wasmconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.security.Role;
import tools.jackson.databind.json.JsonMapper;

/** Jackson binding of request bodies with every problem at once, by field path (issue #15 item 4). */
class BodyBindingTest {

    record Body(String name, Role role, List<String> tenants, Boolean enabled) {
    }

    private static Body bind(String json) {
        return BodyBinding.bind(JsonMapper.builder().build().readTree(json), Body.class, "a user",
                "enabled, name, role, tenants");
    }

    @Test
    void aGoodBodyBinds() {
        assertThat(bind("{\"name\": \"a\", \"role\": \"PLATFORM_ADMIN\", \"tenants\": [\"x\"], \"enabled\": false}"))
                .isEqualTo(new Body("a", Role.PLATFORM_ADMIN, List.of("x"), false));
        assertThat(bind("{}")).isEqualTo(new Body(null, null, null, null));
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPath() {
        var e = catchThrowableOfType(ValidationException.class, () -> bind("{\"name\": 7, \"role\": \"ROOT\","
                + " \"tenants\": [\"ok\", 3, {\"a\": 1}], \"enabled\": \"yes\", \"colour\": {\"deep\": [1]}}"));
        assertThat(e.violations()).extracting(v -> v.path() + ": " + v.message()).containsExactlyInAnyOrder(
                "name: must be a string",
                "role: 'ROOT' is not PLATFORM_ADMIN or TENANT_OPERATOR",
                "tenants[1]: must be a string",
                "tenants[2]: must be a string",
                "enabled: must be true or false",
                "colour: is not a field of a user; known fields: enabled, name, role, tenants");
        var list = catchThrowableOfType(ValidationException.class, () -> bind("{\"tenants\": \"x\"}"));
        assertThat(list.violations()).extracting(v -> v.path() + ": " + v.message())
                .containsExactly("tenants: must be a list");
    }
}
