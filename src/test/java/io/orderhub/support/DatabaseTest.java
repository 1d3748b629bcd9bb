package io.orderhub.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTest {

    @Test
    void h2UrlsAreMadeToWriteAtEveryCommitUnlessTheyChooseOtherwise() {
        assertThat(Database.h2Durable("jdbc:h2:file:./data/x;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:./data/x;MODE=PostgreSQL;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(Database.h2Durable("jdbc:h2:file:x;write_delay=100;db_close_on_exit=true"))
                .isEqualTo("jdbc:h2:file:x;write_delay=100;db_close_on_exit=true");
    }

    @Test
    void passwordsAreRedactedInLoggedUrls() {
        assertThat(Database.redact("jdbc:postgresql://h/db?user=a&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
    }
}
