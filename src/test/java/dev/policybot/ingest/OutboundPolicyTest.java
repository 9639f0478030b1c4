package dev.policybot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only literal addresses here, so no test depends on DNS. */
class OutboundPolicyTest {

    @ParameterizedTest
    @CsvSource({
            "https://127.0.0.1/terms, 127.0.0.1 is a loopback address",
            "https://[::1]/terms, [::1] is a loopback address",
            "https://10.0.0.5/terms, 10.0.0.5 is a private address",
            "https://172.16.4.4/terms, 172.16.4.4 is a private address",
            "https://192.168.1.1/terms, 192.168.1.1 is a private address",
            "https://[fd12:3456::1]/terms, [fd12:3456::1] is a private address",
            "https://169.254.169.254/latest/meta-data/, 169.254.169.254 is a link-local address",
            "https://[fe80::1]/terms, [fe80::1] is a link-local address",
            "https://100.64.0.1/terms, 100.64.0.1 is a carrier-grade NAT address",
            "https://0.0.0.0/terms, 0.0.0.0 is a non-routable address",
    })
    void inProductionOnlyPublicAddressesAreFetched(String url, String reason) {
        assertThatThrownBy(() -> OutboundPolicy.PUBLIC_HTTPS_ONLY.check(url)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("'" + url + "' is refused: ")
                .hasMessageContaining(reason)
                .hasMessageEndingWith("only public addresses are fetched");
    }

    @Test
    void inProductionPlainHttpIsRefusedEvenToThisMachine() {
        assertThatThrownBy(() -> OutboundPolicy.PUBLIC_HTTPS_ONLY.check("http://127.0.0.1:8080/terms"))
                .hasMessage("only https URLs are fetched, not 'http://127.0.0.1:8080/terms'");
        assertThatThrownBy(() -> OutboundPolicy.PUBLIC_HTTPS_ONLY.check("http://localhost/terms"))
                .hasMessage("only https URLs are fetched, not 'http://localhost/terms'");
    }

    @Test
    void aPublicHttpsAddressIsFetched() {
        assertThat(OutboundPolicy.PUBLIC_HTTPS_ONLY.check("https://93.184.215.14/terms").getHost())
                .isEqualTo("93.184.215.14");
    }

    @Test
    void testModeAddsOnlyLoopback() {
        assertThat(OutboundPolicy.LOOPBACK_FOR_TESTS.check("http://127.0.0.1:8080/terms").getPort()).isEqualTo(8080);
        assertThat(OutboundPolicy.LOOPBACK_FOR_TESTS.check("https://127.0.0.1:8443/terms").getPort()).isEqualTo(8443);
        assertThatThrownBy(() -> OutboundPolicy.LOOPBACK_FOR_TESTS.check("https://169.254.169.254/"))
                .hasMessageContaining("link-local");
        assertThatThrownBy(() -> OutboundPolicy.LOOPBACK_FOR_TESTS.check("https://192.168.0.10/"))
                .hasMessageContaining("private");
        assertThatThrownBy(() -> OutboundPolicy.LOOPBACK_FOR_TESTS.check("http://10.0.0.1/"))
                .hasMessage("only https URLs are fetched, not 'http://10.0.0.1/'");
    }
}
