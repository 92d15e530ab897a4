package io.couponflow.importing;

import io.couponflow.common.ApiException;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.couponflow.common.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports")
class ImportController {
  private final ImportService service;
  private final ImportFiles files;

  ImportController(ImportService service, ImportFiles files) {
    this.service = service;
    this.files = files;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Import codes from a CSV file or a pasted list; runs in the background: poll GET "
      + "/api/v1/imports/{id} until status is finished, error or cancelled",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
          mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = ImportForm.class))))
  @ApiResponse(responseCode = "201", description = "Queued")
  @ProblemResponse(status = 422, type = "unknown-coupon-set", when = "couponSetId names no set")
  @ProblemResponse(status = 422, type = "unknown-child-set", when = "childSetId names no child set of the set")
  @ProblemResponse(status = 422, type = "not-a-multiple-set", when = "the set is a single set")
  @ProblemResponse(status = 422, type = "unknown-column", when = "codeColumn names no column of the file")
  @ProblemResponse(status = 422, type = "empty-file", when = "the file holds no lines")
  @ProblemResponse(status = 422, type = "unreadable-file", when = "the file is not UTF-8 text or not CSV")
  @ProblemResponse(status = 422, type = "too-many-fields", when = "the header has over 20 other columns and fields names none")
  ResponseEntity<ImportView> createImport(
      @Parameter(hidden = true) @RequestParam(required = false) String type,
      @Parameter(hidden = true) @RequestParam(required = false) Long couponSetId,
      @Parameter(hidden = true) @RequestParam(required = false) Long childSetId,
      @Parameter(hidden = true) @RequestParam(required = false) String delimiter,
      @Parameter(hidden = true) @RequestParam(required = false) Boolean hasHeader,
      @Parameter(hidden = true) @RequestParam(required = false) String codeColumn,
      @Parameter(hidden = true) @RequestParam(required = false) String fields,
      @Parameter(hidden = true) @RequestPart(required = false) MultipartFile file,
      @Parameter(hidden = true) @RequestParam(required = false) String text) {
    if (type != null && !type.equals("coupons")) {
      throw ApiException.invalid("type", "type must be 'coupons'");
    }
    if (couponSetId == null) {
      throw ApiException.invalid("couponSetId", "couponSetId is required");
    }
    // a named file of 0 bytes is a file (refused as empty-file); a nameless empty part is no file at all
    boolean hasFile = file != null && (!file.isEmpty() || StringUtils.hasText(file.getOriginalFilename()));
    if (hasFile == (text != null)) {
      throw ApiException.invalid("file", "send either a file or a text, not both and not neither");
    }
    if (!hasFile) {
      return created(service.startText(couponSetId, childSetId, text, "api"));
    }
    char separator = delimiterOf(delimiter);
    Path upload = files.newUpload();
    try {
      // the container already spooled the upload to disk; this moves it, the heap never holds it
      file.transferTo(upload);
      return created(service.start(new ImportCommand(couponSetId, childSetId, separator,
          hasHeader == null || hasHeader, codeColumn, upload, file.getOriginalFilename(), "api", fields)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      ImportFiles.deleteQuietly(upload);
    }
  }

  private static char delimiterOf(String delimiter) {
    if (delimiter == null || delimiter.isEmpty()) {
      return ',';
    }
    if (delimiter.equals(",") || delimiter.equals(";")) {
      return delimiter.charAt(0);
    }
    throw ApiException.invalid("delimiter", "delimiter must be ',' or ';'");
  }

  private static ResponseEntity<ImportView> created(ImportView view) {
    return ResponseEntity.status(HttpStatus.CREATED).body(view);
  }

  @GetMapping
  @Operation(summary = "Import history, newest first")
  PageResponse<ImportView> listImports(@RequestParam(required = false) Long couponSetId,
      @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
    return service.list(couponSetId, PageRequest.of(limit, cursor));
  }

  @GetMapping("/{id}")
  @Operation(summary = "An import: status (queued, inProgress, finished, error, cancelled) and its counts")
  ImportView getImport(@PathVariable long id) {
    return service.get(id);
  }

  @PostMapping("/{id}/cancel")
  @Operation(summary = "Cancel a queued or running import; none of its codes are added")
  @ProblemResponse(status = 409, type = "import-not-cancellable", when = "the import is over")
  ImportView cancelImport(@PathVariable long id) {
    service.cancel(id);
    return service.get(id);
  }

  @GetMapping(value = "/{id}/errors", produces = "text/csv")
  @Operation(summary = "The rejected rows of a finished import: line,value,reason (line: physical, 1-based, header included)")
  @ApiResponse(responseCode = "200", description = "The CSV file",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
  @ProblemResponse(status = 409, type = "import-not-finished", when = "the import is still queued or running")
  ResponseEntity<StreamingResponseBody> getImportErrors(@PathVariable long id) {
    return ErrorReportCsv.download(service, id, "import-" + id + "-errors.csv");
  }

}
