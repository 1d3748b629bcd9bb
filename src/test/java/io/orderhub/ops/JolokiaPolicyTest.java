package io.orderhub.ops;

import org.jolokia.server.core.restrictor.policy.PolicyRestrictor;
import org.jolokia.server.core.util.RequestType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.management.ObjectName;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy file as Jolokia reads it: {@code /jolokia-access.xml} on the classpath. */
class JolokiaPolicyTest {

    static PolicyRestrictor policy;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = JolokiaPolicyTest.class.getResourceAsStream("/jolokia-access.xml")) {
            assertThat(in).as("jolokia-access.xml on the classpath").isNotNull();
            policy = new PolicyRestrictor(in);
        }
    }

    @Test
    void onlyReadingCommandsAreAllowed() {
        assertThat(policy.isTypeAllowed(RequestType.READ)).isTrue();
        assertThat(policy.isTypeAllowed(RequestType.LIST)).isTrue();
        assertThat(policy.isTypeAllowed(RequestType.SEARCH)).isTrue();
        assertThat(policy.isTypeAllowed(RequestType.VERSION)).isTrue();
        assertThat(policy.isTypeAllowed(RequestType.EXEC)).isFalse();
        assertThat(policy.isTypeAllowed(RequestType.WRITE)).isFalse();
        assertThat(policy.isTypeAllowed(RequestType.NOTIFICATION)).isFalse();
    }

    @Test
    void onlyCallersOnThisHostAreAnswered() {
        assertThat(policy.isRemoteAccessAllowed("127.0.0.1")).isTrue();
        assertThat(policy.isRemoteAccessAllowed("127.0.1.1")).isTrue();
        assertThat(policy.isRemoteAccessAllowed("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(policy.isRemoteAccessAllowed("10.0.0.5")).isFalse();
        assertThat(policy.isRemoteAccessAllowed("192.168.1.20")).isFalse();
        assertThat(policy.isRemoteAccessAllowed("fe80:0:0:0:0:0:0:1")).isFalse();
    }

    @Test
    void systemPropertiesAndJvmArgumentsStayUnreadable() throws Exception {
        ObjectName runtime = new ObjectName("java.lang:type=Runtime");

        assertThat(policy.isAttributeReadAllowed(runtime, "SystemProperties")).isFalse();
        assertThat(policy.isAttributeReadAllowed(runtime, "InputArguments")).isFalse();
        assertThat(policy.isAttributeReadAllowed(runtime, "Uptime")).isTrue();
        assertThat(policy.isAttributeReadAllowed(new ObjectName("org.apache.camel:type=routes,name=\"x\""), "State"))
                .isTrue();
    }
}
