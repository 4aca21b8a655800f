package org.itaoversight.reporting.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;
import org.itaoversight.reporting.text.ThaiText;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * The agency report's bar chart of totals by year: the pass mark drawn as a dashed line with its label, each bar's
 * total printed above it, and the value axis and labels in the report's digits (Thai digits when the report uses
 * them). Reads the report's {@link ThaiText} from the parameter {@code TEXT}.
 */
public final class TrendChartCustomizer extends JRAbstractChartCustomizer {

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        ThaiText text = (ThaiText) getParameterValue("TEXT");
        CategoryPlot plot = chart.getCategoryPlot();
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        Font font = axis.getTickLabelFont();
        axis.setNumberFormatOverride(new Digits(text, 0));
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(20));

        BigDecimal mark = (BigDecimal) getParameterValue("PASS_MARK");
        ValueMarker pass = new ValueMarker(mark.doubleValue(), new Color(0xC0, 0x39, 0x2B), new BasicStroke(1.0f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        pass.setLabel("เกณฑ์ผ่าน " + text.digits(mark.stripTrailingZeros().toPlainString()));
        pass.setLabelFont(font.deriveFont(Font.PLAIN, font.getSize2D()));
        pass.setLabelPaint(new Color(0xC0, 0x39, 0x2B));
        pass.setLabelBackgroundColor(Color.WHITE);
        pass.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        pass.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(pass, org.jfree.chart.ui.Layer.FOREGROUND);

        CategoryItemRenderer renderer = plot.getRenderer();
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new Digits(text, 2)));
        renderer.setDefaultItemLabelFont(font.deriveFont(Font.PLAIN, font.getSize2D()));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.INSIDE12, TextAnchor.TOP_CENTER));
        renderer.setDefaultItemLabelPaint(Color.WHITE);
    }

    /** Numbers with a fixed count of decimals, in the report's digits. */
    private static final class Digits extends NumberFormat {

        private final transient ThaiText text;
        private final int decimals;

        Digits(ThaiText text, int decimals) {
            this.text = text;
            this.decimals = decimals;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition position) {
            return to.append(text.digits(BigDecimal.valueOf(number).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString()));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition position) {
            return format((double) number, to, position);
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            throw new UnsupportedOperationException("chart labels are only written");
        }
    }
}
