package org.itaoversight.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A PDF's text as poppler's {@code pdftotext} extracts it, without white space (Thai has no spaces between words). */
public final class TestingPdf {

    private TestingPdf() {
    }

    public static String text(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("report", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return text.replaceAll("\\s+", "");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
