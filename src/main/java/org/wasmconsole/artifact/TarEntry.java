package org.wasmconsole.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Finds one file in a gzipped tar layer, as Istio does for Docker-image-compatible Wasm images
 * (the file named {@code plugin.wasm}, wherever it is). Reads ustar, GNU long names and PAX
 * headers; stops at the limit, so a compressed bomb cannot fill the memory.
 */
final class TarEntry {

    private static final int BLOCK = 512;

    private TarEntry() {
    }

    /** The bytes of the first regular file whose name ends in {@code /baseName} (or is it); null when none. */
    static byte[] find(byte[] gzipped, String baseName, long maxBytes, Deadline deadline) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            return find(in, baseName, maxBytes, deadline);
        } catch (java.util.zip.ZipException e) {
            throw ModuleFetchException.notLoadable("the image layer is not gzip-compressed tar (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw ModuleFetchException.notLoadable("the image layer could not be read as tar: " + e.getMessage());
        }
    }

    private static byte[] find(InputStream in, String baseName, long maxBytes, Deadline deadline) throws IOException {
        long budget = maxBytes * 4 + BLOCK * 64L; // everything read, skipped entries included
        String longName = null;
        byte[] header = new byte[BLOCK];
        while (true) {
            deadline.remaining("reading the image layer");
            if (!readFully(in, header) || isZero(header)) {
                return null;
            }
            long size = octal(header, 124, 12);
            budget -= BLOCK + padded(size);
            if (size < 0 || budget < 0) {
                throw ModuleFetchException.notLoadable("the image layer unpacks to more than the console reads"
                        + " (console.modules.max-module-size)");
            }
            char type = (char) header[156];
            String name = longName != null ? longName : name(header);
            longName = null;
            if (type == 'L' || type == 'x') {
                byte[] data = read(in, size);
                skip(in, padded(size) - size);
                longName = type == 'L' ? cString(data, 0, data.length) : paxPath(data);
                continue;
            }
            boolean regular = type == '0' || type == 0;
            String base = name.substring(name.lastIndexOf('/') + 1);
            if (regular && base.equals(baseName)) {
                if (size > maxBytes) {
                    throw SafeHttp.tooLarge(baseName, maxBytes, size);
                }
                return read(in, size);
            }
            skip(in, padded(size));
        }
    }

    private static String name(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String paxPath(byte[] data) {
        for (String record : new String(data, StandardCharsets.UTF_8).split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static long octal(byte[] h, int offset, int length) {
        long value = 0;
        for (int i = offset; i < offset + length; i++) {
            byte b = h[i];
            if (b == 0 || b == ' ') {
                if (value > 0) {
                    break;
                }
                continue;
            }
            if (b < '0' || b > '7') {
                return -1;
            }
            value = value * 8 + (b - '0');
        }
        return value;
    }

    private static String cString(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
        int n = in.readNBytes(buffer, 0, buffer.length);
        return n == buffer.length;
    }

    private static byte[] read(InputStream in, long size) throws IOException {
        byte[] data = in.readNBytes((int) size);
        if (data.length != size) {
            throw ModuleFetchException.notLoadable("the image layer's tar ends in the middle of a file");
        }
        return data;
    }

    private static void skip(InputStream in, long n) throws IOException {
        in.skipNBytes(n);
    }
}
