package org.itaoversight.api.ita.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itaoversight.api.documents.DocumentLine;
import org.itaoversight.api.ita.text.ThaiNumerals;

/**
 * A table of an analysis document and what each of its columns holds, decided from the header row as a whole and from
 * the cells' own content: a column of numbers from 0 to 100 under a header like "คะแนน" is a score, a column of the
 * distinct whole numbers 1…N a rank, signed numbers a change, AA–F a level. A header repeated after a page break is
 * skipped; a table cut by a page break (a blank line, another Word or PDF table of the same header) stays one table.
 */
final class AnalysisTable {

    /** What a column of an analysis table holds. */
    enum Column {
        /** The indicator's name or number. */
        INDICATOR,
        /** The tool (IIT/EIT/OIT). */
        TOOL,
        /** A score (0–100). */
        SCORE,
        /** A rank or a row number. */
        RANK,
        /** A change against another year (ผลต่าง). */
        CHANGE,
        /** A level (AA–F). */
        LEVEL,
        /** A question: its code and/or wording. */
        QUESTION,
        /** Guidance, remarks. */
        NOTES,
        UNKNOWN
    }

    private record Marker(Column column, String word, double weight) {
    }

    private static final List<Marker> MARKERS = List.of(
            new Marker(Column.INDICATOR, "ตัวชี้วัด", 3), new Marker(Column.INDICATOR, "ประเด็นการประเมิน", 2.5),
            new Marker(Column.INDICATOR, "indicator", 3),
            new Marker(Column.TOOL, "เครื่องมือ", 3), new Marker(Column.TOOL, "แบบวัด", 3), new Marker(Column.TOOL, "แบบสำรวจ", 3),
            new Marker(Column.SCORE, "คะแนน", 3), new Marker(Column.SCORE, "score", 3), new Marker(Column.SCORE, "ผลการประเมิน", 1.5),
            new Marker(Column.RANK, "อันดับ", 3.5), new Marker(Column.RANK, "ลำดับ", 3.5), new Marker(Column.RANK, "rank", 3.5),
            new Marker(Column.CHANGE, "ผลต่าง", 5), new Marker(Column.CHANGE, "เพิ่มขึ้น", 4), new Marker(Column.CHANGE, "ลดลง", 4),
            new Marker(Column.CHANGE, "เปลี่ยนแปลง", 4), new Marker(Column.CHANGE, "+/-", 5), new Marker(Column.CHANGE, "เพิ่ม/ลด", 5),
            new Marker(Column.LEVEL, "ระดับ", 3.2), new Marker(Column.LEVEL, "level", 3), new Marker(Column.LEVEL, "rating", 3),
            new Marker(Column.QUESTION, "ข้อคำถาม", 4), new Marker(Column.QUESTION, "คำถาม", 3.5), new Marker(Column.QUESTION, "ข้อความ", 3),
            new Marker(Column.QUESTION, "รหัส", 3), new Marker(Column.QUESTION, "ประเด็น", 1.5),
            new Marker(Column.NOTES, "แนวทาง", 3), new Marker(Column.NOTES, "ข้อเสนอแนะ", 3), new Marker(Column.NOTES, "หมายเหตุ", 3),
            new Marker(Column.NOTES, "สาเหตุ", 3), new Marker(Column.NOTES, "การพัฒนา", 2));
    private static final Set<String> RANK_WORDS = Set.of("ที่", "no", "no.", "ลำดับที่", "ลำดับ", "อันดับ", "อันดับที่");
    private static final Pattern LEVEL_CELL = Pattern.compile("^(?:ระดับ\\s*)?(AA|[A-F])$");
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(2[45][0-9]{2})(?![0-9])");
    /**
     * "คะแนนเต็ม", "เต็ม 100": the most a score can be; "น้ำหนัก (ร้อยละ)": an indicator's weight in the total. Numbers
     * from 0 to 100 like scores, and not scores.
     */
    private static final Pattern FULL_MARK = Pattern.compile("เต็ม|full|น้ำหนัก|weight", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAGE_NUMBER = Pattern.compile("^[\\s\\-–—0-9๐-๙/]*(?:หน้า[\\s0-9๐-๙/]*)?$");

    /** One row of the table: its cells and where it is. */
    record Row(List<String> cells, String where) {

        String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column).strip() : "";
        }
    }

    final int number;
    final String where;
    /** The paragraphs just before the table (nearest last), which say what it is. */
    final List<String> before;
    final List<String> header;
    final List<Row> rows;
    final List<Column> columns;

    private AnalysisTable(int number, String where, List<String> before, List<String> header, List<Row> rows) {
        this.number = number;
        this.where = where;
        this.before = List.copyOf(before);
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
        this.columns = readColumns(header, rows);
    }

    int width() {
        return columns.size();
    }

    /** The columns holding {@code column}, left to right. */
    List<Integer> all(Column column) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) == column) {
                found.add(i);
            }
        }
        return found;
    }

    Optional<Integer> first(Column column) {
        return all(column).stream().findFirst();
    }

    String headerOf(int column) {
        return column < header.size() ? header.get(column) : "";
    }

    /** The document's tables, in order. */
    static List<AnalysisTable> of(List<DocumentLine> lines) {
        List<AnalysisTable> tables = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        List<String> header = null;
        List<Row> rows = null;
        String where = "";
        int width = 0;
        for (DocumentLine line : lines) {
            List<String> cells = line.cells().stream().map(c -> c.replaceAll("[\\n\\u2028]+", " ").replaceAll("\\s+", " ").strip()).toList();
            if (line.isBlank() || (rows != null && !line.isRow() && PAGE_NUMBER.matcher(line.text()).matches())) {
                continue; // a page break, a page number: the table goes on
            }
            if (!line.isRow()) {
                if (rows != null) {
                    tables.add(new AnalysisTable(tables.size() + 1, where, paragraphs, header, rows));
                    rows = null;
                    paragraphs = new ArrayList<>();
                }
                paragraphs.add(line.text().strip());
                continue;
            }
            boolean headerLike = looksLikeHeader(cells);
            if (rows != null && (cells.size() != width || (headerLike && !sameHeader(header, cells) && !rows.isEmpty()))) {
                tables.add(new AnalysisTable(tables.size() + 1, where, paragraphs, header, rows));
                rows = null;
                paragraphs = new ArrayList<>();
            }
            if (rows == null) {
                rows = new ArrayList<>();
                width = cells.size();
                where = line.where();
                header = headerLike ? cells : List.of();
                if (headerLike) {
                    continue;
                }
            } else if (rows.isEmpty() && !header.isEmpty() && isSubHeader(cells)) {
                header = joinHeader(header, cells);
                continue; // the second level of a two-level header ("คะแนน" over "ปี ๒๕๖๕ | ปี ๒๕๖๖")
            } else if (headerLike && (header.isEmpty() ? rows.isEmpty() : sameHeader(header, cells))) {
                if (header.isEmpty()) {
                    header = cells;
                }
                continue; // the header again at the top of a page
            }
            rows.add(new Row(cells, line.where()));
        }
        if (rows != null) {
            tables.add(new AnalysisTable(tables.size() + 1, where, paragraphs, header, rows));
        }
        return tables;
    }

    /** A row under a header that only names its columns further: short cells, none a number, a level or a code. */
    private static boolean isSubHeader(List<String> cells) {
        return cells.stream().anyMatch(String::isBlank) && cells.stream().anyMatch(c -> !c.isBlank())
                && cells.stream().allMatch(c -> c.length() <= 30 && number(c).isEmpty() && level(c).isEmpty()
                        && QuestionCode.atStart(c).isEmpty());
    }

    /** The two levels of a header as one row: a cell under a spanning cell takes the spanning cell's words too. */
    private static List<String> joinHeader(List<String> top, List<String> sub) {
        List<String> joined = new ArrayList<>();
        String spanning = "";
        for (int c = 0; c < Math.max(top.size(), sub.size()); c++) {
            String above = c < top.size() ? top.get(c) : "";
            String below = c < sub.size() ? sub.get(c) : "";
            if (!above.isBlank()) {
                spanning = above;
            }
            String upper = above.isBlank() && !below.isBlank() ? spanning : above;
            joined.add((upper + " " + below).strip());
        }
        return joined;
    }

    private static boolean sameHeader(List<String> header, List<String> cells) {
        return header != null && squeeze(String.join("", header)).equals(squeeze(String.join("", cells)));
    }

    private static String squeeze(String text) {
        return text.replaceAll("[\\s\\u00a0\\u200b]+", "").toLowerCase(Locale.ROOT);
    }

    /** A header row: short cells, none a number or a level, at least one holding a header word. */
    static boolean looksLikeHeader(List<String> cells) {
        if (cells.stream().filter(c -> !c.isBlank()).count() < 2) {
            return false;
        }
        for (String cell : cells) {
            String c = cell.strip();
            if (c.length() > 60 || number(c).isPresent() || LEVEL_CELL.matcher(c).matches()
                    || QuestionCode.atStart(c).filter(q -> !q.rest().isEmpty()).isPresent()) {
                return false;
            }
        }
        return cells.stream().anyMatch(c -> headerRole(c).isPresent());
    }

    /** The best header role of one cell by its words (a word at the start counts double). */
    private static Optional<Column> headerRole(String cell) {
        String text = squeeze(cell);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (RANK_WORDS.contains(text)) {
            return Optional.of(Column.RANK);
        }
        if (text.equals("ข้อ") || text.equals("ข้อที่")) {
            return Optional.of(Column.QUESTION);
        }
        Column best = null;
        double bestScore = 0;
        for (Marker marker : MARKERS) {
            int at = text.indexOf(marker.word());
            if (at < 0) {
                continue;
            }
            double score = marker.weight() * (at == 0 ? 2 : 1);
            if (score > bestScore) {
                bestScore = score;
                best = marker.column();
            }
        }
        return Optional.ofNullable(best);
    }

    /** A number as agencies write it in a table cell: Thai or Arabic digits, a sign, a trailing %, else empty. */
    static Optional<BigDecimal> number(String cell) {
        String c = cell.strip().replaceAll("\\s*(?:%|คะแนน)$", "").replaceAll("^\\+\\s*", "").replace('−', '-').replace('–', '-');
        return ThaiNumerals.parseDecimal(c);
    }

    static Optional<String> level(String cell) {
        Matcher matcher = LEVEL_CELL.matcher(cell.strip().replaceAll("[\"“”()]", ""));
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The years (พ.ศ.) a header cell names, e.g. "คะแนนปี ๒๕๖๖". */
    Optional<Integer> yearOf(int column) {
        Matcher matcher = YEAR.matcher(ThaiNumerals.toArabic(headerOf(column)));
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    private static List<Column> readColumns(List<String> header, List<Row> rows) {
        int width = rows.isEmpty() ? header.size() : rows.getFirst().cells().size();
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String head = c < header.size() ? header.get(c) : "";
            columns.add(FULL_MARK.matcher(head).find() ? Column.UNKNOWN : column(headerRole(head), contentOf(rows, c)));
        }
        return columns;
    }

    /** What a column's cells are. */
    private record Content(int filled, int numbers, int inRange, int signed, int wholeNumbers, boolean ranks, int levels,
                           int codes, int text) {
    }

    private static Content contentOf(List<Row> rows, int column) {
        int filled = 0;
        int numbers = 0;
        int inRange = 0;
        int signed = 0;
        int whole = 0;
        int levels = 0;
        int codes = 0;
        int text = 0;
        Set<Integer> distinct = new HashSet<>();
        for (Row row : rows) {
            String cell = row.cell(column);
            if (cell.isEmpty() || cell.equals("-")) {
                continue;
            }
            filled++;
            Optional<BigDecimal> n = number(cell);
            if (n.isPresent()) {
                numbers++;
                if (n.get().signum() >= 0 && n.get().compareTo(BigDecimal.valueOf(100)) <= 0) {
                    inRange++;
                }
                String arabic = ThaiNumerals.toArabic(cell.strip());
                if (arabic.startsWith("+") || arabic.startsWith("-") || arabic.startsWith("−") || n.get().signum() < 0) {
                    signed++;
                }
                if (arabic.matches("[0-9]{1,3}")) {
                    whole++;
                    distinct.add(n.get().intValue());
                }
            } else if (level(cell).isPresent()) {
                levels++;
            } else {
                text++;
                if (QuestionCode.atStart(cell).isPresent()) {
                    codes++;
                }
            }
        }
        int count = filled;
        boolean ranks = whole == filled && filled > 0 && distinct.size() == filled
                && distinct.stream().allMatch(r -> r >= 1 && r <= count);
        return new Content(filled, numbers, inRange, signed, whole, ranks, levels, codes, text);
    }

    /** A column's role from its header word, checked against its content; from its content alone when the header says nothing. */
    private static Column column(Optional<Column> byHeader, Content content) {
        boolean numeric = content.filled() > 0 && content.numbers() * 2 > content.filled();
        if (byHeader.isPresent()) {
            Column said = byHeader.get();
            return switch (said) {
                case SCORE -> content.signed() > 0 ? Column.CHANGE
                        : numeric && content.inRange() == content.numbers() ? Column.SCORE
                        : content.levels() * 2 > content.filled() ? Column.LEVEL
                        : content.text() * 2 > content.filled() ? Column.UNKNOWN : Column.SCORE;
                case RANK -> numeric && !content.ranks() && content.wholeNumbers() < content.numbers() ? Column.SCORE : Column.RANK;
                case LEVEL -> content.levels() * 2 >= content.filled() ? Column.LEVEL
                        : numeric && content.inRange() == content.numbers() ? Column.SCORE : Column.UNKNOWN;
                case INDICATOR, QUESTION -> numeric ? (content.ranks() ? Column.RANK : Column.UNKNOWN) : said;
                default -> said;
            };
        }
        if (content.filled() == 0) {
            return Column.UNKNOWN;
        }
        if (numeric) {
            if (content.signed() > 0) {
                return Column.CHANGE;
            }
            if (content.ranks()) {
                return Column.RANK;
            }
            return content.inRange() == content.numbers() ? Column.SCORE : Column.UNKNOWN;
        }
        if (content.levels() * 2 > content.filled()) {
            return Column.LEVEL;
        }
        if (content.codes() * 2 > content.filled()) {
            return Column.QUESTION;
        }
        return Column.UNKNOWN;
    }

    /** Columns in the order people read them: used to tell which unknown text column names the rows. */
    List<Integer> textColumns() {
        List<Integer> text = new ArrayList<>();
        for (int c = 0; c < width(); c++) {
            int column = c;
            long filled = rows.stream().filter(r -> !r.cell(column).isEmpty() && number(r.cell(column)).isEmpty()
                    && level(r.cell(column)).isEmpty()).count();
            if (filled * 2 > rows.size()) {
                text.add(c);
            }
        }
        text.sort(Comparator.naturalOrder());
        return text;
    }
}
