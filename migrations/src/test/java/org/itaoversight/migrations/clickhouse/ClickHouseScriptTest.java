package org.itaoversight.migrations.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClickHouseScriptTest {

    @Test
    void parsesVersionAndDescriptionFromTheFileName() {
        ClickHouseScript script = ClickHouseScript.of("V012__ita_results.sql", "SELECT 1");

        assertThat(script.version()).isEqualTo(12);
        assertThat(script.description()).isEqualTo("ita results");
    }

    @Test
    void rejectsNamesOutsideTheConvention() {
        assertThatThrownBy(() -> ClickHouseScript.of("ita_results.sql", "SELECT 1"))
                .hasMessageContaining("V<version>__<description>.sql");
    }

    @Test
    void splitsStatementsAtSemicolonsOutsideQuotesAndComments() {
        String text = """
                -- a comment; with a semicolon
                CREATE TABLE a (s String DEFAULT 'x;y') ENGINE = Memory;
                INSERT INTO a VALUES ('it''s; fine', "q;"), (`b;`); -- trailing; comment

                ;
                SELECT 1
                """;

        List<String> statements = ClickHouseScript.of("V1__t.sql", text).statements();

        assertThat(statements).containsExactly(
                "CREATE TABLE a (s String DEFAULT 'x;y') ENGINE = Memory",
                "INSERT INTO a VALUES ('it''s; fine', \"q;\"), (`b;`)",
                "SELECT 1");
    }

    @Test
    void checksumIgnoresLineEndingsButNotContent() {
        String unix = ClickHouseScript.of("V1__t.sql", "SELECT 1;\nSELECT 2;\n").checksum();

        assertThat(ClickHouseScript.of("V1__t.sql", "SELECT 1;\r\nSELECT 2;\r\n").checksum()).isEqualTo(unix);
        assertThat(ClickHouseScript.of("V1__t.sql", "SELECT 1;\nSELECT 3;\n").checksum()).isNotEqualTo(unix);
        assertThat(unix).hasSize(64);
    }

    @Test
    void theIndexListsExactlyTheScriptsOfTheFolderInVersionOrder() throws IOException {
        Path folder = Path.of("src/main/resources", ClickHouseScripts.LOCATION);
        List<String> files;
        try (Stream<Path> paths = Files.list(folder)) {
            files = paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }

        List<ClickHouseScript> bundled = ClickHouseScripts.bundled();

        assertThat(bundled).extracting(ClickHouseScript::fileName).containsExactlyElementsOf(files);
        assertThat(bundled).extracting(ClickHouseScript::version).isSorted().doesNotHaveDuplicates();
        assertThat(bundled).allSatisfy(script -> assertThat(script.statements()).isNotEmpty());
    }
}
