package org.wasmconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sign-in records name IPv6 addresses as people write them (issue #16: "0:0:0:0:0:0:0:1" for "::1"). */
class AddressFormatTest {

    @Test
    void ipv6AddressesAreCompactedAsRfc5952Says() {
        assertThat(SecurityAudit.compact("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(SecurityAudit.compact("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(SecurityAudit.compact("fe80:0:0:0:200:f8ff:fe21:67cf")).isEqualTo("fe80::200:f8ff:fe21:67cf");
        assertThat(SecurityAudit.compact("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:3:4:5:6");
        assertThat(SecurityAudit.compact("2001:db8:0:1:2:3:4:5")).isEqualTo("2001:db8:0:1:2:3:4:5");
        assertThat(SecurityAudit.compact("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(SecurityAudit.compact("::1")).isEqualTo("::1");
    }
}
