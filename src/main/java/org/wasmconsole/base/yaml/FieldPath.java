package org.wasmconsole.base.yaml;

/**
 * A field path ({@code spec.vmConfig.env[0].name}) made into text only when needed, so that a
 * mapping with many entries under a long path does not copy that path for each of them.
 *
 * @param id its id in {@link FieldLines} once its line is recorded, -1 before or if it is not
 */
record FieldPath(FieldPath parent, String name, int index, long length, int id) {

    static final FieldPath ROOT = new FieldPath(null, null, -1, 0, FieldLines.ROOT);

    FieldPath field(String key) {
        return new FieldPath(this, key, -1, length + (parent == null ? 0 : 1) + key.length(), -1);
    }

    FieldPath item(int i) {
        return new FieldPath(this, null, i, length + 2 + String.valueOf(i).length(), -1);
    }

    FieldPath recorded(int newId) {
        return new FieldPath(parent, name, index, length, newId);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder((int) Math.min(length, Integer.MAX_VALUE - 8));
        append(text);
        return text.toString();
    }

    private void append(StringBuilder text) {
        if (parent == null) {
            return;
        }
        parent.append(text);
        if (name == null) {
            text.append('[').append(index).append(']');
        } else {
            text.append(parent.parent == null ? "" : ".").append(name);
        }
    }
}
