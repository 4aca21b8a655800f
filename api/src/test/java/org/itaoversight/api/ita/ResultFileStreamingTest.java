package org.itaoversight.api.ita;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.itaoversight.api.ita.catalog.Catalog;
import org.itaoversight.api.ita.loading.ResultFile;
import org.itaoversight.api.ita.loading.ResultFileReader;
import org.itaoversight.api.ita.text.TextDecoding;
import org.itaoversight.tenants.registry.AgencyRegistry;
import org.itaoversight.tenants.registry.RegistryCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A result file read as a stream from disk reads exactly as the same bytes in memory; problems are capped, not lost. */
class ResultFileStreamingTest {

    private final AgencyRegistry registry = AgencyRegistry.of(RegistryCsv.bundledProvinces(), RegistryCsv.bundledSampleAgencies());

    @TempDir
    Path directory;

    private ResultFile fromDisk(ResultFileReader reader, byte[] bytes) throws IOException {
        Path file = Files.write(directory.resolve("upload.part"), bytes);
        return reader.read("upload.csv", file, ResultFileReader.sha256(bytes));
    }

    @Test
    void aFileOnDiskReadsLikeTheSameBytesInMemoryInEveryEncoding() throws IOException {
        ResultFileReader reader = new ResultFileReader(Catalog.bundled(), registry);
        String csv = "agency_code,agency_name,fiscal_year,total,level\n6730301,อบต.บางระกำ,๒๕๖๕,89.79,A\n6111101,,2568,94.64,B\n";
        byte[] bom = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
        for (byte[] bytes : new byte[][] {csv.getBytes(StandardCharsets.UTF_8), bom, csv.getBytes(TextDecoding.WINDOWS_874)}) {
            ResultFile memory = reader.read("upload.csv", bytes);
            ResultFile disk = fromDisk(reader, bytes);

            assertThat(disk.problems()).isEmpty();
            assertThat(disk).isEqualTo(memory);
            assertThat(disk.rows()).isEqualTo(2);
        }
    }

    @Test
    void onlyTheFirstProblemsAreListedAndAllAreCounted() throws IOException {
        StringBuilder csv = new StringBuilder("agency_code,fiscal_year,total\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append("6730301,2565,").append(150 + i % 50).append('\n');
        }
        ResultFile file = fromDisk(new ResultFileReader(Catalog.bundled(), registry, 7), csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(file.isValid()).isFalse();
        assertThat(file.problemCount()).isEqualTo(5_000);
        assertThat(file.problems()).hasSize(7);
        assertThat(file.problems().getFirst().row()).isEqualTo(2);
        assertThat(file.problems().getLast().row()).isEqualTo(8);
    }

    @Test
    void theEncodingOfAStreamIsDecidedAsForBytesEvenWhenAThaiCharacterCrossesAReadBoundary() throws IOException {
        // 65,535 ASCII bytes put the three bytes of the first Thai character across the detector's 64 KiB reads.
        String text = "a".repeat(65_535) + "กขค\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] truncated = java.util.Arrays.copyOf(utf8, utf8.length - 2);
        byte[] tis620 = text.getBytes(TextDecoding.WINDOWS_874);

        assertThat(TextDecoding.detect(new ByteArrayInputStream(utf8)).encoding()).isEqualTo("UTF-8");
        assertThat(TextDecoding.detect(new ByteArrayInputStream(tis620)).encoding()).isEqualTo("TIS-620/windows-874");
        assertThat(TextDecoding.detect(new ByteArrayInputStream(truncated)).encoding())
                .isEqualTo(TextDecoding.decode(truncated).encoding()).isEqualTo("TIS-620/windows-874");
        assertThat(TextDecoding.detect(new ByteArrayInputStream(new byte[0])).encoding()).isEqualTo("UTF-8");
    }
}
