package io.couponflow.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeFieldsTest {
  @Test
  void aHeaderThatIsAnIdentifierIsKeptAndAnyOtherBecomesLowerCamelCaseAscii() {
    assertThat(CodeFields.nameOf("min_order", "x")).isEqualTo("min_order");
    assertThat(CodeFields.nameOf("ID", "x")).isEqualTo("ID");
    assertThat(CodeFields.nameOf("Code Used Count", "x")).isEqualTo("codeUsedCount");
    assertThat(CodeFields.nameOf("Fecha de caducidad", "x")).isEqualTo("fechaDeCaducidad");
    assertThat(CodeFields.nameOf("  Válido hasta (UTC) ", "x")).isEqualTo("validoHastaUtc");
    assertThat(CodeFields.nameOf("2nd value", "x")).isEqualTo("field2ndValue");
    assertThat(CodeFields.nameOf("€ / %", "column3")).isEqualTo("column3");
    assertThat(CodeFields.nameOf("", "column4")).isEqualTo("column4");
  }

  @Test
  void fieldsRoundTripThroughTheirJsonAndBlankValuesAreLeftOut() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("value", "15% \"off\"\\ \n\t\u0001 €");
    fields.put("empty", " ");
    String json = CodeFields.toJson(fields);
    assertThat(CodeFields.fromJson(json)).containsExactly(Map.entry("value", "15% \"off\"\\ \n\t\u0001 €"));
    assertThat(CodeFields.toJson(Map.of("blank", ""))).isNull();
    assertThat(CodeFields.fromJson(null)).isEmpty();
  }
}
