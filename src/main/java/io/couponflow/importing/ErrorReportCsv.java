package io.couponflow.importing;

import io.couponflow.code.RejectReason;
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

/**
 * An import's rejected rows as a CSV download: line,value,reason for the API; the UI's download adds an
 * explanation column in words ("Repeated in the file") for the marketer who opens it in a spreadsheet.
 */
public final class ErrorReportCsv {
  private ErrorReportCsv() {}

  /** Checks the report is ready (404, 409) before the answer starts, then streams it. */
  public static ResponseEntity<StreamingResponseBody> download(ImportService imports, long id, String fileName) {
    return download(imports, id, fileName, false);
  }

  public static ResponseEntity<StreamingResponseBody> download(ImportService imports, long id, String fileName,
      boolean explained) {
    imports.requireErrorReport(id);
    StreamingResponseBody body = out -> {
      var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      writer.write(explained ? "line,value,reason,explanation\n" : "line,value,reason\n");
      imports.errors(id, row -> {
        try {
          writer.write(row.line() + "," + CsvCell.of(row.value()) + "," + row.reason()
              + (explained ? "," + CsvCell.of(RejectReason.words(row.reason())) : "") + "\n");
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
