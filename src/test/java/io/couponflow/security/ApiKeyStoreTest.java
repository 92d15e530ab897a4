package io.couponflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyStoreTest {

  @Test
  void theShownPrefixIsAtMostFourCharactersAndAtMostHalfOfAShortKey() {
    assertThat(ApiKeyStore.shownPrefix(ApiKeyStore.newSecret())).hasSize(4).startsWith("cf_");
    assertThat(ApiKeyStore.shownPrefix("cf_test_admin_key_0123456789")).isEqualTo("cf_t");
    assertThat(ApiKeyStore.shownPrefix("secret")).isEqualTo("sec");
    assertThat(ApiKeyStore.shownPrefix("abcd")).isEqualTo("ab");
    assertThat(ApiKeyStore.shownPrefix("x")).isEmpty();
  }
}
