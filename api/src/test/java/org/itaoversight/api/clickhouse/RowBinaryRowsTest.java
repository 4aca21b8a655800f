package org.itaoversight.api.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowBinaryRowsTest {

    /** Builds RowBinaryWithNamesAndTypes bytes as ClickHouse writes them (little-endian, LEB128 lengths). */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes varint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
            return this;
        }

        Bytes string(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            out.write(utf8, 0, utf8.length);
            return this;
        }

        Bytes u8(int value) {
            out.write(value);
            return this;
        }

        Bytes int32(int value) {
            for (int i = 0; i < 4; i++) {
                out.write(value >>> (8 * i));
            }
            return this;
        }

        Bytes int64(long value) {
            return int32((int) value).int32((int) (value >>> 32));
        }

        Bytes header(List<String> names, List<String> types) {
            varint(names.size());
            names.forEach(this::string);
            types.forEach(this::string);
            return this;
        }

        InputStream stream() {
            return new ByteArrayInputStream(out.toByteArray());
        }

        /** The bytes handed over a few at a time, as a network stream may. */
        InputStream trickle() {
            byte[] all = out.toByteArray();
            return new InputStream() {
                private int at;

                @Override
                public int read() {
                    return at < all.length ? all[at++] & 0xFF : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (at >= all.length) {
                        return -1;
                    }
                    int n = Math.min(Math.min(len, 3), all.length - at);
                    System.arraycopy(all, at, b, off, n);
                    at += n;
                    return n;
                }
            };
        }
    }

    private static final List<String> NAMES = List.of("rank", "agency_code", "name_th", "agency_type", "total", "change",
            "indicator_scores");
    private static final List<String> TYPES = List.of("UInt64", "String", "Nullable(String)", "LowCardinality(String)",
            "Decimal(5, 2)", "Nullable(Decimal(9, 2))", "Array(Nullable(Decimal(5, 2)))");

    private static Bytes twoAgencies() {
        return new Bytes().header(NAMES, TYPES)
                .int64(1).string("6730301").u8(0).string("องค์การบริหารส่วนตำบลบางระกำ").string("SAO").int32(8979)
                .u8(0).int32(-125).varint(3).u8(0).int32(10000).u8(1).u8(0).int32(7512)
                .int64(2).string("6111101").u8(1).string("SUBDISTRICT_MUNICIPALITY").int32(0)
                .u8(1).varint(0);
    }

    @Test
    void readsEachValueAsTheHeaderTypesSay() throws Exception {
        for (InputStream in : List.of(twoAgencies().stream(), twoAgencies().trickle())) {
            RowBinaryRows rows = RowBinaryRows.read(in).expectColumns(NAMES);
            assertThat(rows.types()).isEqualTo(TYPES);

            assertThat(rows.next()).isTrue();
            assertThat(rows.integer(0)).isEqualTo(1);
            assertThat(rows.string(1)).isEqualTo("6730301");
            assertThat(rows.string(2)).isEqualTo("องค์การบริหารส่วนตำบลบางระกำ");
            assertThat(rows.string(3)).isEqualTo("SAO");
            assertThat(rows.decimal(4)).isEqualTo(new BigDecimal("89.79"));
            assertThat(rows.decimal(5)).isEqualTo(new BigDecimal("-1.25"));
            assertThat(rows.decimals(6)).isEqualTo(Arrays.asList(new BigDecimal("100.00"), null, new BigDecimal("75.12")));

            assertThat(rows.next()).isTrue();
            assertThat(rows.integer(0)).isEqualTo(2);
            assertThat(rows.string(2)).isNull();
            assertThat(rows.decimal(4)).isEqualTo(new BigDecimal("0.00"));
            assertThat(rows.decimal(5)).isNull();
            assertThat(rows.decimals(6)).isEmpty();

            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void aRowCutShortIsAnErrorNotAShorterAnswer() throws Exception {
        RowBinaryRows rows = RowBinaryRows.read(new Bytes().header(List.of("agency_code", "total"), List.of("String", "Decimal(5, 2)"))
                .string("6730301").u8(0x11).u8(0x23).stream());
        assertThatThrownBy(rows::next).isInstanceOf(EOFException.class).hasMessageContaining("inside a row");
    }

    @Test
    void aTypeItCannotReadIsRefusedWithTheColumnWhenTheHeaderIsRead() {
        assertThatThrownBy(() -> RowBinaryRows.read(new Bytes().header(List.of("agency_code", "loaded_at"),
                List.of("String", "DateTime64(3, 'UTC')")).stream()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("loaded_at").hasMessageContaining("DateTime64");
        assertThatThrownBy(() -> RowBinaryRows.read(new Bytes().header(List.of("big"), List.of("Decimal(38, 2)")).stream()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("big");
    }

    @Test
    void otherColumnsThanExpectedAreRefused() throws Exception {
        RowBinaryRows rows = RowBinaryRows.read(new Bytes().header(List.of("agency_code", "total"), List.of("String", "Decimal(5, 2)")).stream());
        assertThatThrownBy(() -> rows.expectColumns(List.of("total", "agency_code")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[total, agency_code]");
    }

    @Test
    void anEmptyAnswerHasItsHeaderAndNoRow() throws Exception {
        RowBinaryRows rows = RowBinaryRows.read(new Bytes().header(List.of("agency_code"), List.of("String")).stream());
        assertThat(rows.next()).isFalse();
        assertThatThrownBy(() -> RowBinaryRows.read(new ByteArrayInputStream(new byte[0]))).isInstanceOf(EOFException.class);
    }

    @Test
    void aUInt64BeyondALongIsRefused() throws Exception {
        RowBinaryRows rows = RowBinaryRows.read(new Bytes().header(List.of("n"), List.of("UInt64")).int64(-1L).stream());
        assertThatThrownBy(rows::next).hasMessageContaining("UInt64");
    }
}
