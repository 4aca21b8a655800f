package org.itaoversight.migrations.clickhouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned ClickHouse schema script, named {@code V<version>__<description>.sql}.
 *
 * @param checksum SHA-256 of the script text with line endings normalized, to detect edits after it was applied
 */
public record ClickHouseScript(int version, String description, String fileName, String text, String checksum) {

    private static final Pattern NAME = Pattern.compile("V(\\d{1,6})__([A-Za-z0-9_]+)\\.sql");

    public static ClickHouseScript of(String fileName, String text) {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("ClickHouse script name '" + fileName
                    + "' does not follow V<version>__<description>.sql");
        }
        String normalized = text.replace("\r\n", "\n");
        return new ClickHouseScript(Integer.parseInt(matcher.group(1)), matcher.group(2).replace('_', ' '),
                fileName, normalized, sha256(normalized));
    }

    /**
     * The script's statements: split at semicolons outside quotes, identifiers and comments, with comments removed
     * and empty statements dropped.
     */
    public List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                current.append(c);
            } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                current.append('\n');
            } else if (c == ';') {
                add(statements, current);
            } else {
                current.append(c);
            }
        }
        add(statements, current);
        return List.copyOf(statements);
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
