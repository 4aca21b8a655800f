package org.itaoversight.api.ita.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itaoversight.api.documents.DocumentLine;
import org.itaoversight.api.ita.text.ThaiNumerals;

/**
 * The agency's total and level as its analysis states them: in prose, in many wordings ("ได้คะแนน ๘๗.๕๐ คะแนน อยู่ใน
 * ระดับ A", "ผลการประเมินภาพรวม … เท่ากับ … (ระดับ B)", "… : ๘๙.๗๙ คะแนน ระดับผลการประเมิน A", "ผ่านเกณฑ์ระดับ AA"),
 * or in a table (a row "คะแนนรวม ⇥ 87.50 ⇥ A", a summary table "คะแนนรวม ⇥ ระดับ" of one row, a row "ระดับ ⇥ A").
 * A sentence about an indicator or a tool, a score range ("๘๕.๐๐ – ๙๔.๙๙") and numbers that are thresholds, shares,
 * counts or years are not the total. The first statement found is taken; a later one that differs is reported.
 */
final class OverallResult {

    /** What one statement says, and where. */
    record Statement(Optional<BigDecimal> total, Optional<String> level, String where, String line) {
    }

    record Found(Optional<Statement> total, Optional<Statement> level, List<String> warnings) {
    }

    private static final Pattern RANGE = Pattern.compile("[0-9]+(?:\\.[0-9]+)?\\s*(?:[-–—]|ถึง)\\s*[0-9]+(?:\\.[0-9]+)?");
    private static final Pattern NUMBER = Pattern.compile("(?<![0-9.])([0-9]{1,3}(?:\\.[0-9]{1,3})?)(?![0-9])");
    private static final Pattern NOT_TOTAL_BEFORE = Pattern.compile(
            "(?:ร้อยละ|เกณฑ์|กว่า|ไม่ถึง|ตั้งแต่|จำนวน|(?:ข้อ|ตัวชี้วัด|ประเด็น|อันดับ|ลำดับ)ที่|ข้อ|ปี|พ\\.ศ\\.|ค\\.ศ\\.|เต็ม|ประเด็น|รอบ|ครั้ง|วันที่)\\s*[(\\[]?\\s*$");
    private static final Pattern NOT_TOTAL_AFTER = Pattern.compile(
            "^\\s*(?:%|ตัวชี้วัด|อันดับ|ข้อ|ประการ|เครื่องมือ|คน|ราย|ระดับ(?!ผล)|ด้าน|แห่ง|เดือน|วัน|ปี|\\.[0-9]|ขึ้นไป)");
    private static final Pattern CONTEXT = Pattern.compile("ภาพรวม|คะแนนรวม|ได้คะแนน|ได้รับคะแนน|ได้\\s*[0-9]|ผลการประเมิน|ค่าคะแนน|คะแนนเฉลี่ยรวม|ITA");
    private static final Pattern ABOUT_A_PART = Pattern.compile("ตัวชี้วัดที่|ตัวชี้วัดย่อย|IIT|EIT|OIT|แบบวัด|ข้อคำถาม|สูงสุด|ต่ำสุด",
            Pattern.CASE_INSENSITIVE);
    static final Pattern LEVEL = Pattern.compile(
            "(?:ระดับ(?:ผลการประเมิน|คะแนน)?|เกรด)\\s*(?:อยู่ที่|คือ|เป็น|:)?\\s*[(\"“”']?\\s*(AA|[A-F])(?![A-Za-z])");
    private static final Pattern TOTAL_LABEL = Pattern.compile(
            "^(?:ผล)?(?:คะแนน)?(?:รวม|ภาพรวม|เฉลี่ยรวม)|คะแนนรวม|คะแนนภาพรวม|ผลการประเมินภาพรวม|ผลรวม|^คะแนน\\s*ITA|^ITA$");
    private static final Pattern LEVEL_LABEL = Pattern.compile("^ระดับ(?:ผลการประเมิน|คะแนน)?(?:\\s*ITA)?$");
    /** A row labelled with the agency's name ("อบต.บางระกำ ⇥ 89.79 ⇥ A"). */
    private static final Pattern AGENCY_LABEL = Pattern.compile("^(?:องค์การบริหารส่วน|เทศบาล|อบต|อบจ|ทต|ทม|ทน)");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private OverallResult() {
    }

    static Found find(List<DocumentLine> lines, List<AnalysisTable> tables, List<AnalysisTable> indicatorTables) {
        List<Statement> statements = new ArrayList<>();
        for (DocumentLine line : lines) {
            if (!line.isRow() && !line.isBlank()) {
                prose(line.text(), line.where()).ifPresent(statements::add);
            }
        }
        // tables come in document order after the prose of the same place: order all statements by position
        List<Statement> fromTables = new ArrayList<>();
        for (AnalysisTable table : tables) {
            fromTables.addAll(table(table, indicatorTables.contains(table)));
        }
        List<Statement> all = new ArrayList<>(statements);
        all.addAll(fromTables);
        all.sort(java.util.Comparator.comparingInt(s -> position(lines, s.where())));
        List<String> warnings = new ArrayList<>();
        Optional<Statement> total = all.stream().filter(s -> s.total().isPresent()).findFirst();
        Optional<Statement> level = total.filter(s -> s.level().isPresent())
                .or(() -> all.stream().filter(s -> s.level().isPresent()).findFirst());
        total.ifPresent(t -> all.stream().filter(s -> s.total().isPresent() && s.total().get().compareTo(t.total().get()) != 0)
                .findFirst().ifPresent(other -> warnings.add("คะแนนรวมใน" + other.where() + " (" + other.total().get().toPlainString()
                        + ") ไม่ตรงกับใน" + t.where() + " (" + t.total().get().toPlainString() + ") ใช้ค่าแรก กรุณาตรวจเอกสาร")));
        level.ifPresent(l -> all.stream().filter(s -> s.level().isPresent() && !s.level().equals(l.level()))
                .findFirst().ifPresent(other -> warnings.add("ระดับใน" + other.where() + " (" + other.level().get()
                        + ") ไม่ตรงกับใน" + l.where() + " (" + l.level().get() + ") ใช้ค่าแรก กรุณาตรวจเอกสาร")));
        return new Found(total, level, warnings);
    }

    private static int position(List<DocumentLine> lines, String where) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).where().equals(where)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** A sentence stating the total and/or the level. */
    static Optional<Statement> prose(String text, String where) {
        String arabic = ThaiNumerals.toArabic(text).replaceAll("\\s+", " ");
        if (ABOUT_A_PART.matcher(arabic).find()) {
            return Optional.empty();
        }
        boolean ranged = RANGE.matcher(arabic).find();
        String plain = RANGE.matcher(arabic).replaceAll(" ");
        Matcher levelMatch = LEVEL.matcher(plain);
        Optional<String> level = !ranged && levelMatch.find() ? Optional.of(levelMatch.group(1)) : Optional.empty();
        if (!CONTEXT.matcher(plain).find() && level.isEmpty()) {
            return Optional.empty();
        }
        Optional<BigDecimal> total = Optional.empty();
        Matcher number = NUMBER.matcher(plain);
        while (number.find()) {
            String before = plain.substring(0, number.start());
            String after = plain.substring(number.end());
            if (NOT_TOTAL_BEFORE.matcher(before).find() || NOT_TOTAL_AFTER.matcher(after).find()) {
                continue;
            }
            BigDecimal value = new BigDecimal(number.group(1));
            if (value.compareTo(HUNDRED) <= 0 && (number.group(1).contains(".") || after.strip().startsWith("คะแนน"))) {
                total = Optional.of(value);
                break;
            }
        }
        if (total.isEmpty() && (level.isEmpty() || !CONTEXT.matcher(plain).find())) {
            return Optional.empty();
        }
        return Optional.of(new Statement(total, level, where, text));
    }

    /** Rows of a table stating the total or the level. */
    private static List<Statement> table(AnalysisTable table, boolean indicatorTable) {
        List<Statement> found = new ArrayList<>();
        List<Integer> scores = table.all(AnalysisTable.Column.SCORE);
        Optional<Integer> levels = table.first(AnalysisTable.Column.LEVEL);
        boolean totalHeader = scores.stream().anyMatch(c -> table.headerOf(c).matches(".*(?:รวม|ภาพรวม|ITA).*"));
        for (AnalysisTable.Row row : table.rows) {
            Optional<String> label = row.cells().stream().map(String::strip)
                    .filter(c -> !c.isEmpty() && AnalysisTable.number(c).isEmpty() && AnalysisTable.level(c).isEmpty()).findFirst();
            String squeezed = label.map(l -> l.replaceAll("\\s+", "")).orElse("");
            if (label.isPresent() && LEVEL_LABEL.matcher(squeezed).matches()) {
                row.cells().stream().map(AnalysisTable::level).flatMap(Optional::stream).findFirst()
                        .ifPresent(l -> found.add(new Statement(Optional.empty(), Optional.of(l), row.where(), String.join(" ", row.cells()))));
                continue;
            }
            boolean totalRow = label.isPresent() && TOTAL_LABEL.matcher(squeezed).find() && !ABOUT_A_PART.matcher(squeezed).find();
            boolean agencyRow = label.isPresent() && AGENCY_LABEL.matcher(squeezed).find();
            boolean onlyRow = !indicatorTable && table.rows.size() == 1
                    && (totalHeader || ((label.isEmpty() || agencyRow) && levels.isPresent()));
            if (!totalRow && !onlyRow) {
                continue;
            }
            Optional<BigDecimal> total = scores.stream().map(c -> AnalysisTable.number(row.cell(c))).flatMap(Optional::stream)
                    .filter(n -> n.signum() >= 0 && n.compareTo(HUNDRED) <= 0).findFirst();
            if (total.isEmpty() && scores.isEmpty()) {
                total = row.cells().stream().map(AnalysisTable::number).flatMap(Optional::stream)
                        .filter(n -> n.scale() > 0 && n.signum() >= 0 && n.compareTo(HUNDRED) <= 0).findFirst();
            }
            Optional<String> level = levels.flatMap(c -> AnalysisTable.level(row.cell(c)))
                    .or(() -> row.cells().stream().map(AnalysisTable::level).flatMap(Optional::stream).findFirst());
            if (total.isPresent() || level.isPresent()) {
                found.add(new Statement(total, level, row.where(), String.join(" ", row.cells())));
            }
        }
        return found;
    }
}
