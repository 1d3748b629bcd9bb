package io.orderhub.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTest {

    @Test
    void h2UrlsAreMadeToWriteAtEveryCommitAndKeepMoreParsedStatementsUnlessTheyChooseOtherwise() {
        assertThat(Database.h2Settings("jdbc:h2:file:./data/x;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:./data/x;MODE=PostgreSQL;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=32");
        assertThat(Database.h2Settings("jdbc:h2:file:x;write_delay=100;db_close_on_exit=true;query_cache_size=4"))
                .isEqualTo("jdbc:h2:file:x;write_delay=100;db_close_on_exit=true;query_cache_size=4");
    }

    @Test
    void anH2DatabaseOpenedByTheHubRunsWithItsSettings(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("q").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Database db = new Database(url, "sa", "", 1)) {
            Map<String, String> settings = db.inTransaction(c -> {
                Map<String, String> values = new java.util.HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("select setting_name, setting_value"
                        + " from information_schema.settings where setting_name in ('QUERY_CACHE_SIZE', 'WRITE_DELAY')");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        values.put(rs.getString(1), rs.getString(2));
                    }
                }
                return values;
            });
            assertThat(settings).containsEntry("QUERY_CACHE_SIZE", "32").containsEntry("WRITE_DELAY", "0");
        }
    }

    @Test
    void passwordsAreRedactedInLoggedUrls() {
        assertThat(Database.redact("jdbc:postgresql://h/db?user=a&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
    }
}
