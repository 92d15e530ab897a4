package io.couponflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void defaultsToFiftyFromTheTop() {
    PageRequest page = PageRequest.of(null, null);
    assertThat(page.limit()).isEqualTo(50);
    assertThat(page.beforeId()).isEqualTo(Long.MAX_VALUE);
    assertThat(page.fetchSize()).isEqualTo(51);
  }

  @Test
  void cursorsRoundTrip() {
    assertThat(PageRequest.of(10, PageRequest.encode(1234)).beforeId()).isEqualTo(1234);
  }

  @Test
  void rejectsForgedCursorsAndLimitsOutOfRange() {
    assertThatThrownBy(() -> PageRequest.of(10, "not-a-cursor")).isInstanceOf(ApiException.class)
        .hasMessageContaining("cursor");
    assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> PageRequest.of(1001, null)).isInstanceOf(ApiException.class);
  }

  @Test
  void quotesCsvCellsOnlyWhenNeeded() {
    assertThat(CsvCell.of("ABC")).isEqualTo("ABC");
    assertThat(CsvCell.of("A,B")).isEqualTo("\"A,B\"");
    assertThat(CsvCell.of("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
  }
}
