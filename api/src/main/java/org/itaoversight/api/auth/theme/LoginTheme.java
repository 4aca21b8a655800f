package org.itaoversight.api.auth.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.itaoversight.reporting.ReportFonts;

/**
 * The Keycloak login theme of the ita-oversight realm ({@code loginTheme: ita-oversight}), shipped in the application
 * jar: Keycloak's own theme with Sarabun, the font the dashboard and the reports use. The embedded Keycloak gets it
 * at every start; a production Keycloak gets it from {@code ./oversight export-login-theme DIR} copied into its
 * {@code themes/} directory. Without it Keycloak falls back to its default theme, still in Thai.
 */
public final class LoginTheme {

    public static final String NAME = "ita-oversight";

    /** A file of the theme: where it is on the classpath, where it goes under the theme's directory. */
    private record ThemeFile(String resource, String target) {
    }

    private static final List<ThemeFile> FILES = List.of(
            new ThemeFile("/keycloak/themes/ita-oversight/login/theme.properties", "login/theme.properties"),
            new ThemeFile("/keycloak/themes/ita-oversight/login/resources/css/ita-oversight.css", "login/resources/css/ita-oversight.css"),
            new ThemeFile(ReportFonts.resource("Sarabun-Regular"), "login/resources/fonts/Sarabun-Regular.ttf"),
            new ThemeFile(ReportFonts.resource("Sarabun-Bold"), "login/resources/fonts/Sarabun-Bold.ttf"));

    /**
     * Writes the theme to {@code themesDirectory/ita-oversight}, replacing only files whose content differs, each by an
     * atomic move, so Keycloak instances sharing one installation never read a half-written file.
     *
     * @return the theme's directory
     */
    public Path writeTo(Path themesDirectory) {
        Path theme = themesDirectory.resolve(NAME);
        try {
            for (ThemeFile file : FILES) {
                byte[] content = read(file.resource());
                Path target = theme.resolve(file.target());
                if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Path partial = Files.createTempFile(target.getParent(), ".theme-", ".part");
                Files.write(partial, content);
                if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    // Readable by the Keycloak service user, whoever exports the theme (a temporary file starts as 0600).
                    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Keycloak login theme to " + theme, e);
        }
        return theme;
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = LoginTheme.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the application jar");
            }
            return in.readAllBytes();
        }
    }
}
