package org.itaoversight.api.ita.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
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
}
