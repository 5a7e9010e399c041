package org.wasmconsole.bench;

/** The start-up baseline: a JVM that starts, prints and exits. */
public final class Hello {

    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
