package io.couponflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
  @Test
  void anIpv4AddressCountsAsItself() {
    assertThat(ClientAddress.of("203.0.113.7")).isEqualTo("203.0.113.7");
  }

  @Test
  void ipv6AddressesOfOneSlash64CountAsOne() {
    assertThat(ClientAddress.of("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddress.of("2001:db8:1:2:ffff:1:2:3"))
        .isEqualTo("2001:db8:1:2::/64");
    assertThat(ClientAddress.of("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.of("2001:db8:1:2::1"));
  }

  @Test
  void somethingThatIsNotAnAddressCountsAsItself() {
    assertThat(ClientAddress.of("?")).isEqualTo("?");
  }
}
