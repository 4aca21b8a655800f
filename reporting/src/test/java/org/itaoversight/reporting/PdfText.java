package org.itaoversight.reporting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The text of a PDF as three real readers extract it: poppler's {@code pdftotext}, MuPDF's {@code mutool} and the
 * browsers' pdf.js (pdfjs-dist from the npm registry, installed into {@code target/} on first use). Also the page
 * count ({@code pdfinfo}) and PNG pages ({@code pdftoppm}) for looking at them.
 */
final class PdfText {

    static final String PDFJS = "pdfjs-dist@4.10.38";
    private static final Path NODE_MODULES = Path.of("target", "pdfjs");

    private PdfText() {
    }

    static String pdftotext(Path pdf) throws IOException, InterruptedException {
        return run(List.of("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"));
    }

    static String mupdf(Path pdf) throws IOException, InterruptedException {
        return run(List.of("mutool", "draw", "-q", "-F", "txt", pdf.toString()));
    }

    static String pdfjs(Path pdf) throws IOException, InterruptedException {
        if (!Files.isDirectory(NODE_MODULES.resolve("node_modules/pdfjs-dist"))) {
            Files.createDirectories(NODE_MODULES);
            run(List.of("npm", "install", "--silent", "--no-audit", "--no-fund", "--prefer-offline", "--prefix",
                    NODE_MODULES.toString(), PDFJS));
        }
        Path script = Path.of("src/test/resources/pdfjs-text.mjs");
        return run(List.of("node", script.toString(), NODE_MODULES.resolve("node_modules").toAbsolutePath().toString(),
                pdf.toString()));
    }

    static int pages(Path pdf) throws IOException, InterruptedException {
        for (String line : run(List.of("pdfinfo", pdf.toString())).split("\n")) {
            if (line.startsWith("Pages:")) {
                return Integer.parseInt(line.substring(6).strip());
            }
        }
        throw new IllegalStateException("pdfinfo gave no page count for " + pdf);
    }

    /** PNG pages for a person to look at, under target/visual (never committed). */
    static void pngs(Path pdf, String name) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of("target", "visual"));
        run(List.of("pdftoppm", "-r", "100", "-png", pdf.toString(), dir.resolve(name).toString()));
    }

    /** Text with every space and line break removed: readers split lines differently, the characters must agree. */
    static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
