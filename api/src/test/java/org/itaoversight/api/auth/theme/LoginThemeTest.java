package org.itaoversight.api.auth.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginThemeTest {

    @TempDir
    Path themes;

    @Test
    void writesAKeycloakLoginThemeThatExtendsKeycloaksOwnAndShipsSarabun() throws Exception {
        Path theme = new LoginTheme().writeTo(themes);

        assertThat(theme).isEqualTo(themes.resolve("ita-oversight"));
        assertThat(Files.readString(theme.resolve("login/theme.properties")))
                .contains("parent=keycloak.v2", "styles=css/styles.css css/ita-oversight.css");
        assertThat(Files.readString(theme.resolve("login/resources/css/ita-oversight.css")))
                .contains("url(\"../fonts/Sarabun-Regular.ttf\")", "url(\"../fonts/Sarabun-Bold.ttf\")");
        for (String font : new String[] {"Sarabun-Regular.ttf", "Sarabun-Bold.ttf"}) {
            byte[] bytes = Files.readAllBytes(theme.resolve("login/resources/fonts").resolve(font));
            assertThat(bytes.length).as(font).isGreaterThan(50_000);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(theme.resolve("login/resources/fonts").resolve(font))))
                    .as("readable by the Keycloak service user").isEqualTo("rw-r--r--");
            assertThat(new byte[] {bytes[0], bytes[1], bytes[2], bytes[3]}).as("TrueType signature").containsExactly(0, 1, 0, 0);
        }
    }

    @Test
    void rewritesOnlyWhatDiffersAndRepairsAChangedFile() throws Exception {
        Path theme = new LoginTheme().writeTo(themes);
        Path css = theme.resolve("login/resources/css/ita-oversight.css");
        Path font = theme.resolve("login/resources/fonts/Sarabun-Regular.ttf");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(font, old);
        String original = Files.readString(css);
        Files.writeString(css, "/* edited */");

        new LoginTheme().writeTo(themes);

        assertThat(Files.readString(css)).isEqualTo(original);
        assertThat(Files.getLastModifiedTime(font)).as("an unchanged file is left alone").isEqualTo(old);
        try (var left = Files.list(css.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("ita-oversight.css");
        }
    }
}
