package dev.policybot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.UserFacingException;
import java.net.InetAddress;
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
        assertThatThrownBy(() -> OutboundPolicy.PUBLIC_HTTPS_ONLY.check(url))
                .isInstanceOf(UserFacingException.class)
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
        assertThat(OutboundPolicy.PUBLIC_HTTPS_ONLY
                        .check("https://93.184.215.14/terms")
                        .getHost())
                .isEqualTo("93.184.215.14");
    }

    @Test
    void testModeAddsOnlyLoopback() {
        assertThat(OutboundPolicy.LOOPBACK_FOR_TESTS
                        .check("http://127.0.0.1:8080/terms")
                        .getPort())
                .isEqualTo(8080);
        assertThat(OutboundPolicy.LOOPBACK_FOR_TESTS
                        .check("https://127.0.0.1:8443/terms")
                        .getPort())
                .isEqualTo(8443);
        assertThatThrownBy(() -> OutboundPolicy.LOOPBACK_FOR_TESTS.check("https://169.254.169.254/"))
                .hasMessageContaining("link-local");
        assertThatThrownBy(() -> OutboundPolicy.LOOPBACK_FOR_TESTS.check("https://192.168.0.10/"))
                .hasMessageContaining("private");
        assertThatThrownBy(() -> OutboundPolicy.LOOPBACK_FOR_TESTS.check("http://10.0.0.1/"))
                .hasMessage("only https URLs are fetched, not 'http://10.0.0.1/'");
    }

    @Test
    void testModeAllowsOnlyTheOneLoopbackAddressTestsServeFrom() {
        assertThat(OutboundPolicy.LOOPBACK_FOR_TESTS.addresses("http://127.0.0.1:8080/terms"))
                .extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1");
        assertThatThrownBy(() -> OutboundPolicy.LOOPBACK_FOR_TESTS.check("http://127.0.0.2:8080/terms"))
                .hasMessage("'http://127.0.0.2:8080/terms' is refused: 127.0.0.2 is a loopback address (127.0.0.2);"
                        + " only public addresses are fetched");
        assertThatThrownBy(() -> OutboundPolicy.LOOPBACK_FOR_TESTS.check("https://[::1]:8443/terms"))
                .hasMessageContaining("[::1] is a loopback address");
    }

    @Test
    void aNameThatDoesNotResolveIsRefusedNotLetThrough() {
        // .invalid never resolves (RFC 6761)
        assertThatThrownBy(() -> OutboundPolicy.PUBLIC_HTTPS_ONLY.check("https://no-such-host.invalid/terms"))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("https://no-such-host.invalid/terms: unknown host 'no-such-host.invalid'");
    }

    @ParameterizedTest
    @CsvSource({
        "https://[::127.0.0.1]/terms, [::127.0.0.1] is a loopback address",
        "https://[::a9fe:a9fe]/terms, [::a9fe:a9fe] is a link-local address",
        "https://[64:ff9b::a9fe:a9fe]/terms, [64:ff9b::a9fe:a9fe] is a link-local address",
        "https://[2002:a9fe:a9fe::]/terms, [2002:a9fe:a9fe::] is a link-local address",
        "https://[2001:db8::1]/terms, [2001:db8::1] is a documentation address",
        "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/terms, is a Teredo tunnel address",
        "https://[100::1]/terms, [100::1] is a non-global address",
        "https://192.0.0.8/terms, 192.0.0.8 is a special-purpose address",
        "https://192.0.2.1/terms, 192.0.2.1 is a documentation address",
        "https://198.18.0.1/terms, 198.18.0.1 is a benchmarking address",
        "https://198.19.255.1/terms, 198.19.255.1 is a benchmarking address",
        "https://240.0.0.1/terms, 240.0.0.1 is a reserved address",
        "https://255.255.255.255/terms, 255.255.255.255 is a reserved address",
        "https://224.0.0.1/terms, 224.0.0.1 is a multicast address",
    })
    void onlyGlobalUnicastIsFetchedAndEmbeddedIpv4AddressesAreCheckedAsIpv4(String url, String reason) {
        assertThatThrownBy(() -> OutboundPolicy.PUBLIC_HTTPS_ONLY.check(url))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("'" + url + "' is refused: ")
                .hasMessageContaining(reason)
                .hasMessageEndingWith("only public addresses are fetched");
    }

    @ParameterizedTest
    @CsvSource({
        "https://0177.0.0.1/terms, 0177.0.0.1",
        "https://0x7f000001/terms, 0x7f000001",
        "https://2130706433/terms, 2130706433"
    })
    void anIpv4AddressInOctalHexOrShortFormIsRefusedBecauseBrowsersReadItDifferently(String url, String host) {
        assertThatThrownBy(() -> OutboundPolicy.PUBLIC_HTTPS_ONLY.check(url))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("'" + url + "' is refused: " + host + " is an IPv4 address written in octal, hexadecimal"
                        + " or short form; only public addresses are fetched, written as four decimal numbers");
    }

    @Test
    void hostsThatJavaDoesNotTakeAsHostNamesAreRefusedToo() {
        for (String url : new String[] {"https://127.1/terms", "https://0x7f.1/terms", "https://0x7f.0.0.1./terms"}) {
            assertThatThrownBy(() -> OutboundPolicy.PUBLIC_HTTPS_ONLY.check(url))
                    .isInstanceOf(UserFacingException.class);
        }
    }

    @Test
    void publicAddressesStayFetchedIncludingThroughNat64AndHostNamesThatLookHexadecimal() {
        assertThat(OutboundPolicy.PUBLIC_HTTPS_ONLY
                        .check("https://[2606:4700::6810:84e5]/terms")
                        .getHost())
                .isEqualTo("[2606:4700::6810:84e5]");
        assertThat(OutboundPolicy.PUBLIC_HTTPS_ONLY
                        .check("https://[64:ff9b::5db8:d70e]/terms")
                        .getHost())
                .isEqualTo("[64:ff9b::5db8:d70e]");
        assertThat(OutboundPolicy.PUBLIC_HTTPS_ONLY
                        .check("https://8.8.8.8/terms")
                        .getHost())
                .isEqualTo("8.8.8.8");
    }
}
