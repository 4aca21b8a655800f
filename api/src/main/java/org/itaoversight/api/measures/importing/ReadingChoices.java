package org.itaoversight.api.measures.importing;

import java.util.Map;
import java.util.Optional;

/**
 * What the agency's administrator told the reader after seeing its reading: which column of which table holds what,
 * and the fiscal year. The document is read again with these choices; a table without a choice is read as before.
 *
 * @param columns    table number (as {@link TableReading#table()} gives it, from 1) → column (from 0) → role; the
 *                   same mapping also applies to the tables with the same header row and to headerless tables that
 *                   continue a mapped one
 * @param fiscalYear the fiscal year (พ.ศ.) when the document does not say it or says it wrongly
 */
public record ReadingChoices(Map<Integer, Map<Integer, ColumnRole>> columns, Optional<Integer> fiscalYear) {

    public ReadingChoices {
        columns = Map.copyOf(columns.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> Map.copyOf(e.getValue()))));
    }

    public static ReadingChoices none() {
        return new ReadingChoices(Map.of(), Optional.empty());
    }

    /**
     * Choices as a request or a command line writes them: {@code "1.0=MEASURE,1.2=UNITS,1.3=PERIOD"} (table.column=role,
     * tables from 1, columns from 0, roles by name in any case), and the fiscal year.
     *
     * @throws IllegalArgumentException with a Thai message saying what is wrong
     */
    public static ReadingChoices parse(String columns, Optional<Integer> fiscalYear) {
        Map<Integer, Map<Integer, ColumnRole>> mapping = new java.util.TreeMap<>();
        if (columns != null && !columns.isBlank()) {
            for (String item : columns.split("[,;\\s]+")) {
                if (item.isBlank()) {
                    continue;
                }
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,3})\\.(\\d{1,3})[=:]([A-Za-z_]+)").matcher(item.strip());
                if (!m.matches()) {
                    throw new IllegalArgumentException("อ่านการระบุคอลัมน์ \"" + item + "\" ไม่ได้ (รูปแบบ ตาราง.คอลัมน์=ประเภท เช่น 1.0=MEASURE)");
                }
                ColumnRole role;
                try {
                    role = ColumnRole.valueOf(m.group(3).toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("ไม่รู้จักประเภทคอลัมน์ \"" + m.group(3) + "\" (ใช้ได้: "
                            + java.util.Arrays.toString(ColumnRole.values()) + ")");
                }
                mapping.computeIfAbsent(Integer.parseInt(m.group(1)), t -> new java.util.TreeMap<>()).put(Integer.parseInt(m.group(2)), role);
            }
        }
        fiscalYear.filter(y -> y < 2400 || y > 2700).ifPresent(y -> {
            throw new IllegalArgumentException("ปีงบประมาณ " + y + " ไม่ใช่ปี พ.ศ.");
        });
        return new ReadingChoices(mapping, fiscalYear);
    }

    public boolean isEmpty() {
        return columns.isEmpty() && fiscalYear.isEmpty();
    }
}
