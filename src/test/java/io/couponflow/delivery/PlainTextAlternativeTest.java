package io.couponflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextAlternativeTest {

  @Test
  void paragraphsBecomeBlankLinesAndBreaksNewLines() {
    String text = PlainTextAlternative.from("<p>Hi Ana,</p>\n  <p>Your   code:<br><b>WELCOME-10</b></p>");

    assertThat(text).isEqualTo("Hi Ana,\n\nYour code:\nWELCOME-10");
  }

  @Test
  void linksKeepTheirAddressAfterTheText() {
    String text = PlainTextAlternative.from("<p>Shop <a href=\"https://shop.example/new?a=1&amp;b=2\">our new range</a> now, "
        + "or write to <a href=\"mailto:help@shop.example\">help@shop.example</a>. <a href=\"#top\">Top</a></p>");

    assertThat(text).isEqualTo("Shop our new range (https://shop.example/new?a=1&b=2) now, or write to help@shop.example. Top");
  }

  @Test
  void entitiesAreDecodedAndNonBreakingSpacesBecomeSpaces() {
    assertThat(PlainTextAlternative.from("<p>Caf&eacute; &amp; more&nbsp;&mdash;&nbsp;10&#37; off &lt;today&gt;</p>"))
        .isEqualTo("Café & more — 10% off <today>");
  }

  @Test
  void headingsListsImagesAndTablesReadAsLines() {
    String html = "<html><head><title>x</title><style>p{color:red}</style></head><body>"
        + "<h1>Welcome</h1><img src=\"logo.png\" alt=\"Couponflow\"><ul><li>One</li><li>Two</li></ul>"
        + "<table><tr><td>Code</td><td>SAVE10</td></tr><tr><td>Valid</td><td>30 days</td></tr></table>"
        + "<div>Bye</div><script>alert(1)</script></body></html>";

    assertThat(PlainTextAlternative.from(html))
        .isEqualTo("Welcome\n\nCouponflow\n\n- One\n- Two\n\nCode SAVE10\nValid 30 days\n\nBye");
  }

  @Test
  void emptyHtmlGivesEmptyText() {
    assertThat(PlainTextAlternative.from(null)).isEmpty();
    assertThat(PlainTextAlternative.from("  ")).isEmpty();
  }
}
