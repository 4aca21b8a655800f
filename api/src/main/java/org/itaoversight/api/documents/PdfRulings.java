package org.itaoversight.api.documents;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * The straight lines drawn on a PDF page (stroked lines and thin filled rectangles, as Word and browsers draw table
 * borders), grouped into the grids of the page's tables. Coordinates are from the top left of the page, like text
 * positions.
 */
final class PdfRulings extends PDFGraphicsStreamEngine {

    /** A horizontal (y fixed) or vertical (x fixed) segment. */
    record Segment(boolean horizontal, float at, float from, float to) {
    }

    /** A table's grid: its rulings and bounds. */
    record Grid(List<Segment> horizontals, List<Segment> verticals, float left, float top, float right, float bottom) {

        /** Row boundaries (y), sorted, close ones merged. */
        List<Float> rowEdges() {
            return cluster(horizontals.stream().map(Segment::at).toList());
        }

        /** Column boundaries (x) drawn across the band from top to bottom. */
        List<Float> columnEdges(float top, float bottom) {
            float middle = (top + bottom) / 2;
            return cluster(verticals.stream().filter(v -> v.from() <= middle && v.to() >= middle).map(Segment::at).toList());
        }

        List<Float> allColumnEdges() {
            return cluster(verticals.stream().map(Segment::at).toList());
        }

        boolean contains(float x, float y) {
            return x >= left - 1 && x <= right + 1 && y >= top - 1 && y <= bottom + 1;
        }
    }

    private static final float THIN = 2.5f;
    private final float pageHeight;
    private final List<Segment> segments = new ArrayList<>();
    private final List<float[]> path = new ArrayList<>();
    private final List<float[][]> rectangles = new ArrayList<>();
    private float[] current = {0, 0};
    private int images;

    PdfRulings(PDPage page) {
        super(page);
        this.pageHeight = page.getMediaBox().getHeight();
    }

    void process() throws IOException {
        processPage(getPage());
    }

    int images() {
        return images;
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        rectangles.add(new float[][]{{(float) p0.getX(), (float) p0.getY()}, {(float) p2.getX(), (float) p2.getY()}});
    }

    @Override
    public void moveTo(float x, float y) {
        current = new float[]{x, y};
        path.add(new float[]{Float.NaN, Float.NaN});
        path.add(current);
    }

    @Override
    public void lineTo(float x, float y) {
        path.add(new float[]{x, y});
        current = new float[]{x, y};
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        path.add(new float[]{Float.NaN, Float.NaN});
        current = new float[]{x3, y3};
    }

    @Override
    public Point2D getCurrentPoint() {
        return new Point2D.Float(current[0], current[1]);
    }

    @Override
    public void closePath() {
    }

    @Override
    public void endPath() {
        path.clear();
        rectangles.clear();
    }

    @Override
    public void strokePath() {
        takePath(true);
    }

    @Override
    public void fillPath(int windingRule) {
        takePath(false);
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        takePath(true);
    }

    @Override
    public void drawImage(PDImage pdImage) {
        images++;
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }

    private void takePath(boolean stroked) {
        for (float[][] r : rectangles) {
            float x0 = Math.min(r[0][0], r[1][0]);
            float x1 = Math.max(r[0][0], r[1][0]);
            float y0 = pageHeight - Math.max(r[0][1], r[1][1]);
            float y1 = pageHeight - Math.min(r[0][1], r[1][1]);
            if (y1 - y0 <= THIN && x1 - x0 > THIN) {
                segments.add(new Segment(true, (y0 + y1) / 2, x0, x1));
            } else if (x1 - x0 <= THIN && y1 - y0 > THIN) {
                segments.add(new Segment(false, (x0 + x1) / 2, y0, y1));
            } else if (stroked && x1 - x0 > THIN && y1 - y0 > THIN) {
                segments.add(new Segment(true, y0, x0, x1));
                segments.add(new Segment(true, y1, x0, x1));
                segments.add(new Segment(false, x0, y0, y1));
                segments.add(new Segment(false, x1, y0, y1));
            }
        }
        float[] last = null;
        for (float[] point : path) {
            if (Float.isNaN(point[0])) {
                last = null;
                continue;
            }
            if (last != null) {
                float ax = last[0];
                float ay = pageHeight - last[1];
                float bx = point[0];
                float by = pageHeight - point[1];
                if (Math.abs(ay - by) <= 1f && Math.abs(ax - bx) > THIN) {
                    segments.add(new Segment(true, (ay + by) / 2, Math.min(ax, bx), Math.max(ax, bx)));
                } else if (Math.abs(ax - bx) <= 1f && Math.abs(ay - by) > THIN) {
                    segments.add(new Segment(false, (ax + bx) / 2, Math.min(ay, by), Math.max(ay, by)));
                }
            }
            last = point;
        }
        path.clear();
        rectangles.clear();
    }

    /** The page's tables: groups of horizontal and vertical rulings that touch, at least two of each. */
    List<Grid> grids() {
        int n = segments.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (touch(segments.get(i), segments.get(j))) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        List<List<Segment>> groups = new ArrayList<>();
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            int index = roots.indexOf(root);
            if (index < 0) {
                roots.add(root);
                groups.add(new ArrayList<>());
                index = groups.size() - 1;
            }
            groups.get(index).add(segments.get(i));
        }
        List<Grid> grids = new ArrayList<>();
        for (List<Segment> group : groups) {
            List<Segment> horizontals = group.stream().filter(Segment::horizontal).toList();
            List<Segment> verticals = group.stream().filter(s -> !s.horizontal()).toList();
            if (cluster(horizontals.stream().map(Segment::at).toList()).size() < 2
                    || cluster(verticals.stream().map(Segment::at).toList()).size() < 3) {
                continue; // an underline or a box, not a table of at least two columns
            }
            float left = (float) group.stream().mapToDouble(s -> s.horizontal() ? s.from() : s.at()).min().orElse(0);
            float right = (float) group.stream().mapToDouble(s -> s.horizontal() ? s.to() : s.at()).max().orElse(0);
            float top = (float) group.stream().mapToDouble(s -> s.horizontal() ? s.at() : s.from()).min().orElse(0);
            float bottom = (float) group.stream().mapToDouble(s -> s.horizontal() ? s.at() : s.to()).max().orElse(0);
            grids.add(new Grid(horizontals, verticals, left, top, right, bottom));
        }
        grids.sort(Comparator.comparing(Grid::top));
        return grids;
    }

    private static boolean touch(Segment a, Segment b) {
        float tolerance = 2f;
        if (a.horizontal() == b.horizontal()) {
            return Math.abs(a.at() - b.at()) <= tolerance && a.from() <= b.to() + tolerance && b.from() <= a.to() + tolerance;
        }
        Segment h = a.horizontal() ? a : b;
        Segment v = a.horizontal() ? b : a;
        return v.at() >= h.from() - tolerance && v.at() <= h.to() + tolerance
                && h.at() >= v.from() - tolerance && h.at() <= v.to() + tolerance;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    static List<Float> cluster(List<Float> values) {
        List<Float> sorted = new ArrayList<>(values);
        sorted.sort(Float::compare);
        List<Float> out = new ArrayList<>();
        for (float v : sorted) {
            if (out.isEmpty() || v - out.getLast() > 2f) {
                out.add(v);
            }
        }
        return out;
    }
}
