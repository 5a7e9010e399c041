package org.wasmconsole.artifact;

import java.time.Instant;

/**
 * What a fetch found behind a url, before the module is inspected.
 *
 * @param digest       the manifest digest for an OCI url (what a pinned url names), the module's sha256 for http(s)
 * @param mediaType    the manifest's media type, or the http Content-Type
 * @param layout       how the module was packaged: {@link #OCI_WASM}, {@link #DOCKER_COMPAT} or {@link #HTTP}
 * @param artifactSize bytes of the artifact (manifest's blobs), or of the download
 * @param created      when the artifact says it was built, or null
 * @param module       the Wasm module's bytes
 */
record Fetched(String digest, String mediaType, String layout, long artifactSize, Instant created, byte[] module) {

    static final String OCI_WASM = "oci-wasm";
    static final String DOCKER_COMPAT = "docker-compat";
    static final String HTTP = "http";
}
