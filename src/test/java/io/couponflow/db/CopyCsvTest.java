package io.couponflow.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CopyCsvTest {
  private static String text(CopyCsv csv) {
    return new String(csv.bytes(), 0, csv.length(), StandardCharsets.UTF_8);
  }

  @Test
  void numbersAndPlainCodesGoBareNullIsAnEmptyFieldAndAnEmptyStringIsQuoted() {
    CopyCsv csv = CopyCsv.of(List.<Object[]>of(new Object[] {7L, 1, "ABC-123", null, ""}));

    assertThat(text(csv)).isEqualTo("7,1,ABC-123,,\"\"\n");
  }

  @Test
  void delimitersQuotesLineBreaksAndBackslashesAreQuoted() {
    CopyCsv csv = CopyCsv.of(List.<Object[]>of(new Object[] {"a,b", "say \"hi\"", "two\nlines", "\\.", "ÄÖÜ-ß"}));

    assertThat(text(csv)).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"\\.\",ÄÖÜ-ß\n");
  }

  @Property(tries = 300)
  void everyNonEmptyStringComesBackAsItWasWhatever(@ForAll List<String> values) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    for (String value : values) {
      rows.add(new Object[] {1L, value.isEmpty() ? "x" : value.replace("\u0000", "")});
    }
    CopyCsv csv = CopyCsv.of(rows);

    List<CSVRecord> parsed = CSVFormat.DEFAULT.parse(new StringReader(text(csv))).getRecords();
    assertThat(parsed).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(parsed.get(i).get(1)).isEqualTo(rows.get(i)[1]);
    }
  }
}
