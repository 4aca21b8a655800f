package org.itaoversight.api.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.itaoversight.api.documents.PdfDocumentReader.Glyph;
import org.itaoversight.api.documents.PdfRulings.Grid;

/** One PDF page rebuilt as lines: its tables' rows (cells from the rulings) and its paragraphs, top to bottom. */
public final class PdfPageLayout {

    /** A line that starts an item of its own: "๒.", "2)", "(๓)", "-", "•". */
    private static final Pattern ITEM_START = Pattern.compile("^(?:[-•*]|\\(?[0-9๐-๙]{1,2}(?:\\.[0-9๐-๙]{1,2})?\\s*[.)])");

    /** A line break in a PDF cell that may be a paragraph's end or a wrapped line: the cell's reader decides. */
    public static final char SOFT_BREAK = '\u2028';

    private final int page;
    private final List<Glyph> glyphs;
    private final List<Grid> grids;
    private int tables;

    PdfPageLayout(int page, List<Glyph> glyphs, List<Grid> grids, int tablesBefore) {
        this.page = page;
        this.glyphs = glyphs;
        this.grids = grids;
        this.tables = tablesBefore;
    }

    private record Placed(float y, int table, List<String> cells) {
    }

    /** Adds the page's lines and returns the number of tables read so far. */
    int addTo(List<DocumentLine> lines) {
        List<Glyph> prose = new ArrayList<>();
        List<List<Glyph>> inGrid = new ArrayList<>();
        grids.forEach(g -> inGrid.add(new ArrayList<>()));
        for (Glyph g : glyphs) {
            float cx = g.x() + g.width() / 2;
            float cy = g.y() - g.size() / 3;
            int index = -1;
            for (int i = 0; i < grids.size() && index < 0; i++) {
                if (grids.get(i).contains(cx, cy)) {
                    index = i;
                }
            }
            if (index < 0) {
                prose.add(g);
            } else {
                inGrid.get(index).add(g);
            }
        }
        List<Placed> placed = new ArrayList<>();
        for (List<Glyph> line : PdfDocumentReader.lines(prose)) {
            String text = PdfDocumentReader.text(line);
            if (!text.isEmpty()) {
                placed.add(new Placed(line.getFirst().y(), 0, List.of(text)));
            }
        }
        for (int i = 0; i < grids.size(); i++) {
            if (!inGrid.get(i).isEmpty()) {
                tables++;
                rows(grids.get(i), inGrid.get(i), tables, placed);
            }
        }
        placed.sort(Comparator.comparing(Placed::y));
        boolean first = page > 1;
        boolean firstRow = page > 1;
        for (Placed p : placed) {
            boolean isRow = p.cells().size() >= 2;
            lines.add(new DocumentLine(lines.size() + 1, "หน้า " + page, p.table(), p.cells(), first || (isRow && firstRow)));
            first = false;
            if (isRow) {
                firstRow = false;
            }
        }
        return tables;
    }

    private static void rows(Grid grid, List<Glyph> glyphs, int table, List<Placed> placed) {
        List<Float> rowEdges = new ArrayList<>(grid.rowEdges());
        // A row cut by the page's end (or continued at its top) has no ruling there: the vertical rulings end it.
        if (grid.bottom() > rowEdges.getLast() + 2) {
            rowEdges.add(grid.bottom());
        }
        if (grid.top() < rowEdges.getFirst() - 2) {
            rowEdges.addFirst(grid.top());
        }
        List<Float> columns = grid.allColumnEdges();
        int width = columns.size() - 1;
        for (int r = 0; r + 1 < rowEdges.size(); r++) {
            float top = rowEdges.get(r);
            float bottom = rowEdges.get(r + 1);
            if (bottom - top < 2) {
                continue;
            }
            List<Float> edges = grid.columnEdges(top, bottom);
            if (edges.size() < 2) {
                continue;
            }
            List<List<Glyph>> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                cells.add(new ArrayList<>());
            }
            boolean any = false;
            for (Glyph g : glyphs) {
                float cx = g.x() + g.width() / 2;
                float cy = g.y() - g.size() / 3;
                if (cy < top || cy >= bottom) {
                    continue;
                }
                int cell = -1;
                for (int e = 0; e + 1 < edges.size(); e++) {
                    if (cx >= edges.get(e) && cx < edges.get(e + 1)) {
                        cell = e;
                    }
                }
                if (cell < 0) {
                    continue;
                }
                int column = nearest(columns, edges.get(cell));
                cells.get(Math.min(column, width - 1)).add(g);
                any = true;
            }
            if (!any) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                float left = columns.get(c);
                float right = c + 1 < edges.size() ? rightEdge(edges, left, columns.get(c + 1)) : columns.get(c + 1);
                texts.add(cellText(cells.get(c), left, right));
            }
            placed.add(new Placed(top, table, texts));
        }
    }

    /** The right edge of the cell starting at {@code left}: the next boundary drawn in this row. */
    private static float rightEdge(List<Float> edges, float left, float fallback) {
        for (float e : edges) {
            if (e > left + 2) {
                return e;
            }
        }
        return fallback;
    }

    private static int nearest(List<Float> columns, float x) {
        int best = 0;
        for (int i = 1; i < columns.size(); i++) {
            if (Math.abs(columns.get(i) - x) < Math.abs(columns.get(best) - x)) {
                best = i;
            }
        }
        return best;
    }

    /** A cell's lines: a wrapped line runs on, a line that ended early (its next word would have fitted) ends a paragraph. */
    private static String cellText(List<Glyph> glyphs, float left, float right) {
        List<List<Glyph>> lines = PdfDocumentReader.lines(glyphs);
        if (lines.isEmpty()) {
            return "";
        }
        float padding = Float.MAX_VALUE;
        for (List<Glyph> line : lines) {
            padding = Math.min(padding, line.getFirst().x() - left);
        }
        padding = Math.max(0, Math.min(padding, 12));
        StringBuilder text = new StringBuilder(PdfDocumentReader.text(lines.getFirst()));
        for (int i = 1; i < lines.size(); i++) {
            List<Glyph> before = lines.get(i - 1);
            List<Glyph> line = lines.get(i);
            String next = PdfDocumentReader.text(line);
            if (next.isEmpty()) {
                continue;
            }
            float end = 0;
            for (Glyph g : before) {
                end = Math.max(end, g.right());
            }
            float free = right - padding - end;
            // A line that ends early is the end of a paragraph when the next word would have fitted. One that leaves
            // much of the cell empty although the next word would not have fitted may be either (a long word moved
            // down, or a short paragraph): it is marked as a soft break (U+2028) for the reader of the cell to decide.
            float inner = right - left - 2 * padding;
            boolean paragraph = ITEM_START.matcher(next).find()
                    || free > PdfDocumentReader.firstWordWidth(line) + line.getFirst().size() * 0.5f;
            boolean unsure = !paragraph && inner > 0 && free > 0.35f * inner;
            if (paragraph) {
                text.append('\n');
            } else if (unsure) {
                text.append(SOFT_BREAK);
            } else if (!(isThai(text.charAt(text.length() - 1)) && isThai(next.charAt(0)))) {
                text.append(' ');
            }
            text.append(next);
        }
        return text.toString();
    }

    private static boolean isThai(char c) {
        return c >= '\u0E01' && c <= '\u0E5B';
    }
}
