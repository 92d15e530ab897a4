package io.couponflow.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couponflow.common.ApiException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeFileTest {
  @TempDir Path dir;

  @Test
  void recordsCarryThePhysicalLineTheyStartOnWhateverTheLineEnds() throws Exception {
    assertThat(lines("\uFEFFcode\r\nA\r\n\r\n\"B\r\nC\",x\rD\nE", FileLayout.csv(',', true)))
        .containsExactly("1:code", "2:A", "3:", "4:B\r\nC", "6:D", "7:E");
  }

  @Test
  void aPastedListKeepsQuotesDelimitersAndSpacesInsideTheLine() throws Exception {
    assertThat(lines("\"A\",B; C\n\n x \n", FileLayout.lines())).containsExactly("1:\"A\",B; C", "2:", "3: x ");
  }

  @Test
  void anUnterminatedQuoteIsAnUnreadableFile() throws Exception {
    Path file = write("code\n\"A\nB\n");
    try (CodeFile reader = CodeFile.open(file, FileLayout.csv(',', true))) {
      reader.next();
      assertThatThrownBy(reader::next).isInstanceOf(CodeFile.UnreadableFileException.class);
    }
  }

  @Test
  void aRecordLongerThanTheLimitFailsWhetherOneLineManyColumnsOrAQuotedValueOverManyLines() throws Exception {
    String longLine = "code\nA1\n" + "X".repeat(200_000) + "\nB2\n";
    String manyColumns = "code\nA1\n" + ",".repeat(200_000) + "\n";
    String quotedOverLines = "code\nA1\n\"" + "Y\n".repeat(100_000) + "\"\n";
    for (String content : List.of(longLine, manyColumns, quotedOverLines)) {
      try (CodeFile reader = CodeFile.open(write(content), FileLayout.csv(',', true), 50_000)) {
        assertThat(reader.next().field(0)).isEqualTo("code");
        assertThat(reader.next().field(0)).isEqualTo("A1");
        assertThatThrownBy(reader::next).isInstanceOf(CodeFile.UnreadableFileException.class)
            .hasMessageStartingWith("line 3: a record is longer than 50000 characters");
      }
    }
  }

  @Test
  void theLimitIsPerRecordNotPerFile() throws Exception {
    StringBuilder content = new StringBuilder("code\n");
    for (int i = 0; i < 100_000; i++) {
      content.append("CODE-").append(i).append('\n');
    }
    try (CodeFile reader = CodeFile.open(write(content.toString()), FileLayout.csv(',', true), 50_000)) {
      long records = 0;
      while (reader.next() != null) {
        records++;
      }
      assertThat(records).isEqualTo(100_001);
    }
  }

  @Test
  void binaryAndLatin1FilesAreNotUtf8Text() throws Exception {
    Path binary = dir.resolve("bin");
    Files.write(binary, new byte[] {'a', 0, 'b'});
    Path latin1 = dir.resolve("latin1");
    Files.write(latin1, "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(FileCheck.whyNotUtf8Text(binary)).contains("NUL");
    assertThat(FileCheck.whyNotUtf8Text(latin1)).contains("not UTF-8");
    assertThat(FileCheck.whyNotUtf8Text(write("\uFEFFcode\ncaf\u00e9\n"))).isNull();
  }

  @Test
  void theCodeColumnIsANameInAnyCaseAnIndexOrTheDefault() {
    List<String> header = List.of("id", " Code ", "note");
    assertThat(CodeColumn.resolve(null, true, header)).isEqualTo(1);
    assertThat(CodeColumn.resolve("NOTE", true, header)).isEqualTo(2);
    assertThat(CodeColumn.resolve("1", true, header)).isZero();
    assertThat(CodeColumn.resolve(null, true, List.of("voucher", "id"))).isZero();
    assertThat(CodeColumn.resolve("3", false, List.of("x"))).isEqualTo(2);
    assertThatThrownBy(() -> CodeColumn.resolve("4", true, header)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> CodeColumn.resolve("coupon", true, header)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> CodeColumn.resolve("code", false, header)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> CodeColumn.resolve("0", true, header)).isInstanceOf(ApiException.class);
  }

  private List<String> lines(String content, FileLayout layout) throws Exception {
    List<String> lines = new ArrayList<>();
    try (CodeFile reader = CodeFile.open(write(content), layout)) {
      for (CodeFile.Line line = reader.next(); line != null; line = reader.next()) {
        lines.add(line.number() + ":" + line.field(0));
      }
    }
    return lines;
  }

  private Path write(String content) throws Exception {
    Path file = Files.createTempFile(dir, "f", ".csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
