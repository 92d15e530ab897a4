package io.couponflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couponflow.contact.Contact;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
  private static final Contact ANA = new Contact("ana", "ana@example.com", "Ana", null, Map.of("city", "Vigo & <Co>"),
      null, null);

  @Test
  void rendersVariablesContactFieldsAndDefaultsEscapingValues() {
    String html = Template.renderHtml("<p>{{contact.firstName}} from {{contact.city}}: <b>{{ coupon }}</b> "
        + "{{contact.lastName | \"friend\"}}</p>", Map.of("coupon", "A<1>"), ANA);

    assertThat(html).isEqualTo("<p>Ana from Vigo &amp; &lt;Co&gt;: <b>A&lt;1&gt;</b> friend</p>");
  }

  @Test
  void textIsNotEscaped() {
    assertThat(Template.renderText("Hi {{contact.city}}", Map.of(), ANA)).isEqualTo("Hi Vigo & <Co>");
  }

  @Test
  void listsTheVariablesATemplateUsesButNotContactFields() {
    assertThat(Template.variablesUsed("{{coupon}} {{contact.email}}", "{{vip}} {{coupon}}"))
        .containsExactly("coupon", "vip");
  }

  @Test
  void rejectsWhatIsNotAPlaceholder() {
    assertThatThrownBy(() -> Template.placeholders("{{ coupon + 1 }}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Template.placeholders("{{contact}}")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Template.placeholders("no braces { here }")).isEmpty();
  }

  @Test
  void aVariableWithAFieldReadsTheFieldOfItsCodeWithItsDefaultWhenMissing() {
    assertThat(Template.placeholders("{{coupon.value}}")).containsExactly(new Template.Placeholder("coupon", "value", null));
    var values = java.util.Map.of("coupon", "BF-1", "coupon.value", "15% <off>");
    assertThat(Template.renderHtml("<b>{{coupon}}</b> {{coupon.value}} {{coupon.until | \"soon\"}}", values, null))
        .isEqualTo("<b>BF-1</b> 15% &lt;off&gt; soon");
    assertThat(Template.variablesUsed("{{coupon.value}}")).containsExactly("coupon");
  }
}
