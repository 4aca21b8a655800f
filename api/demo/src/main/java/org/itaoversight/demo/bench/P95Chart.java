package org.itaoversight.demo.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The benchmark's chart: each query's p95 against scale on both engines, both axes logarithmic. */
final class P95Chart {

    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private P95Chart() {
    }

    static void write(Path png, Map<Integer, Map<String, AnalyticsBenchmark.Timing>> timings) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection series = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int index = 0;
        for (String query : timings.values().iterator().next().keySet()) {
            XYSeries clickhouse = new XYSeries("ClickHouse: " + query);
            XYSeries postgres = new XYSeries("PostgreSQL: " + query);
            timings.forEach((scale, atScale) -> {
                clickhouse.add(scale.doubleValue(), Math.max(0.01, atScale.get(query).chP95()));
                postgres.add(scale.doubleValue(), Math.max(0.01, atScale.get(query).pgP95()));
            });
            Color colour = COLOURS[index % COLOURS.length];
            series.addSeries(clickhouse);
            renderer.setSeriesPaint(2 * index, colour);
            renderer.setSeriesStroke(2 * index, new BasicStroke(2.5f));
            series.addSeries(postgres);
            renderer.setSeriesPaint(2 * index + 1, colour);
            renderer.setSeriesStroke(2 * index + 1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
            index++;
        }
        LogAxis scale = new LogAxis("scale (× the national results)");
        scale.setBase(10);
        scale.setSmallestValue(0.5);
        scale.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
        scale.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        LogAxis millis = new LogAxis("p95 (ms), log scale");
        millis.setBase(10);
        millis.setSmallestValue(0.01);
        millis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.5));
        millis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
        XYPlot plot = new XYPlot(series, scale, millis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Analytics p95 against scale: ClickHouse (solid) and PostgreSQL (dashed)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1400, 900);
    }
}
