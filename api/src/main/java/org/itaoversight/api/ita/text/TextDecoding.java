package org.itaoversight.api.ita.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes Thai text files: UTF-8 with or without a byte-order mark, and the legacy TIS-620 / windows-874 encoding
 * (detected when the bytes are not valid UTF-8; windows-874 is a superset of TIS-620).
 */
public final class TextDecoding {

    public static final Charset WINDOWS_874 = Charset.forName("x-windows-874");

    private TextDecoding() {
    }

    /** Decoded text and the encoding it was read in. */
    public record Decoded(String text, String encoding) {
    }

    public static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return new Decoded(chars.toString(), "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(new String(bytes, WINDOWS_874), "TIS-620/windows-874");
        }
    }

    /** The encoding of a text read as a stream: its charset, how many bytes of byte-order mark to skip, its name. */
    public record Detected(Charset charset, int skip, String encoding) {
    }

    /**
     * The encoding of a text, decided as {@link #decode(byte[])} does, in one pass over a stream without holding it:
     * UTF-8 (a byte-order mark is skipped) when every byte sequence is valid UTF-8, TIS-620/windows-874 otherwise.
     */
    public static Detected detect(InputStream in) throws IOException {
        byte[] chunk = new byte[1 << 16];
        int n = in.readNBytes(chunk, 0, 3);
        if (n == 3 && (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB && (chunk[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3, "UTF-8 (BOM)");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(chunk.length + 8);
        CharBuffer chars = CharBuffer.allocate(chunk.length + 8);
        bytes.put(chunk, 0, n);
        boolean end = false;
        while (true) {
            if (!end) {
                int read = in.read(chunk, 0, Math.min(chunk.length, bytes.remaining()));
                if (read < 0) {
                    end = true;
                } else {
                    bytes.put(chunk, 0, read);
                }
            }
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, end);
            if (result.isError()) {
                return windows874();
            }
            bytes.compact();
            chars.clear();
            if (end) {
                CoderResult flushed = decoder.flush(chars);
                return flushed.isError() || bytes.position() > 0 ? windows874() : new Detected(StandardCharsets.UTF_8, 0, "UTF-8");
            }
        }
    }

    private static Detected windows874() {
        return new Detected(WINDOWS_874, 0, "TIS-620/windows-874");
    }
}
