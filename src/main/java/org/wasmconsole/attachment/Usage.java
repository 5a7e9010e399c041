package org.wasmconsole.attachment;

/**
 * One place where an extension is switched on: the target it is attached in and the attachment
 * itself ({@code spec.extension[index]} of that target).
 */
public record Usage(GatewayTarget target, int index, Attachment attachment) {

    public TargetRef ref() {
        return target.ref();
    }

    /** {@code <target FQN> (extension[2])}, for messages that list usages. */
    public String describe() {
        return target.ref().fqn() + " (spec.extension[" + index + "])";
    }
}
