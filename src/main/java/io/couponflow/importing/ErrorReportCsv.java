package io.couponflow.importing;

import io.couponflow.common.CsvCell;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** An import's rejected rows as the CSV download both the API and the UI answer with: line,value,reason. */
public final class ErrorReportCsv {
  private ErrorReportCsv() {}

  /** Checks the report is ready (404, 409) before the answer starts, then streams it. */
  public static ResponseEntity<StreamingResponseBody> download(ImportService imports, long id, String fileName) {
    imports.requireErrorReport(id);
    StreamingResponseBody body = out -> {
      var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      writer.write("line,value,reason\n");
      imports.errors(id, row -> {
        try {
          writer.write(row.line() + "," + CsvCell.of(row.value()) + "," + row.reason() + "\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      writer.flush();
    };
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(body);
  }
}
