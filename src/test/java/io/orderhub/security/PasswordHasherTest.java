package io.orderhub.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHasherTest {

    @Test
    void hashesVerifyOnlyTheirOwnPasswordAndCarryTheirIterationCount() {
        PasswordHasher hasher = new PasswordHasher(12_000);
        String hash = hasher.hash("correct horse".toCharArray());
        assertThat(hash).startsWith("pbkdf2-sha256$12000$").doesNotContain("correct");
        assertThat(hasher.verify("correct horse".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("correct horse ".toCharArray(), hash)).isFalse();
        // a per-password salt: the same password hashes differently each time
        assertThat(hasher.hash("correct horse".toCharArray())).isNotEqualTo(hash);
        // a hub configured with a higher count still verifies hashes made with the old one
        assertThat(new PasswordHasher(20_000).verify("correct horse".toCharArray(), hash)).isTrue();
    }

    @Test
    void foreignOrBrokenHashesNeverVerify() {
        PasswordHasher hasher = new PasswordHasher(10_000);
        assertThat(hasher.verify("x".toCharArray(), null)).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "x")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "bcrypt$10$abc$def")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "pbkdf2-sha256$ten$abc$def")).isFalse();
        assertThatThrownBy(() -> new PasswordHasher(1000)).hasMessageContaining("at least 10000");
    }
}
