package org.wasmconsole.extension;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.Violation;

/** The rules of {@code spec.vmConfig.env}: names valid and unique, values fit for where they come from. */
final class EnvVarRules {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvVarRules() {
    }

    static void check(List<EnvVar> env, List<Violation> v) {
        if (env.size() > ExtensionValidator.MAX_ENV_VARS) {
            v.add(new Violation("spec.vmConfig.env", "has " + env.size() + " variables; use at most "
                    + ExtensionValidator.MAX_ENV_VARS));
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < env.size(); i++) {
            EnvVar e = env.get(i);
            String path = "spec.vmConfig.env[" + i + "]";
            String name = e.name();
            if (name == null || name.isEmpty()) {
                v.add(new Violation(path + ".name", "is required: a variable name such as LOG_LEVEL"));
            } else if (name.length() > EnvVar.MAX_NAME_LENGTH) {
                v.add(new Violation(path + ".name", "is " + name.length() + " characters long; use at most "
                        + EnvVar.MAX_NAME_LENGTH));
            } else if (!ENV_NAME.matcher(name).matches()) {
                v.add(new Violation(path + ".name", "'" + name + "' is not a valid variable name: start with a letter"
                        + " or '_', then use only letters, digits and '_' (e.g. LOG_LEVEL)"));
            } else {
                Integer earlier = firstIndex.putIfAbsent(name, i);
                if (earlier != null) {
                    v.add(new Violation(path + ".name", "'" + name + "' is already defined at spec.vmConfig.env["
                            + earlier + "]; variable names must be unique"));
                }
            }
            String value = e.value();
            if (e.valueFrom() == EnvValueSource.HOST && value != null && !value.isEmpty()) {
                v.add(new Violation(path + ".value", "must be empty when valueFrom is HOST (the proxy's own"
                        + " variable is used); remove the value or set valueFrom to INLINE"));
            } else if (value != null && value.length() > EnvVar.MAX_VALUE_LENGTH) {
                v.add(new Violation(path + ".value", "is " + value.length() + " characters long; use at most "
                        + EnvVar.MAX_VALUE_LENGTH));
            } else {
                Names.checkCharacters(value, true).ifPresent(m -> v.add(new Violation(path + ".value", m)));
            }
        }
    }
}
