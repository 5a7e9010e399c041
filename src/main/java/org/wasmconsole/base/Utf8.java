package org.wasmconsole.base;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8: bytes that are not UTF-8 are refused with their offset, never turned into U+FFFD and stored. */
public final class Utf8 {

    private Utf8() {
    }

    /** Input that is not valid UTF-8; the message names the first bad byte and its offset. */
    public static final class MalformedException extends IllegalArgumentException {
        private final int offset;

        MalformedException(int offset, int value) {
            super(String.format("is not valid UTF-8: the byte 0x%02X at offset %d does not form a character;"
                    + " save or send the text as UTF-8", value, offset));
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    public static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new MalformedException(offset, bytes[offset] & 0xFF);
        }
        return out.flip().toString();
    }
}
