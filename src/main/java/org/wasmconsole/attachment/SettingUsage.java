package org.wasmconsole.attachment;

/** An extension attached in a default setting: {@code spec.defaultSecuritySetting.extension[index]}. */
public record SettingUsage(SettingRef ref, int index, Attachment attachment) {

    public static final String PATH = "spec.defaultSecuritySetting.extension";

    public String describe() {
        return ref.fqn() + " (" + PATH + "[" + index + "])";
    }
}
