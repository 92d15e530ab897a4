package io.couponflow.couponset;

import io.couponflow.code.AddCodesResult;
import io.couponflow.code.Code;
import io.couponflow.code.CodeStatus;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.couponflow.common.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import io.couponflow.common.CsvCell;

@RestController
@RequestMapping("/api/v1/coupon-sets/{id}/codes")
@Tag(name = "Codes")
class SetCodesController {
  private final SetCodesService service;
  private final CouponSetService sets;

  SetCodesController(SetCodesService service, CouponSetService sets) {
    this.service = service;
    this.sets = sets;
  }

  @PostMapping
  @Operation(summary = "Add up to 10,000 codes synchronously, by the import's rules")
  @ProblemResponse(status = 409, type = "concurrent-insert", when = "another request is adding the same codes; try again")
  @ProblemResponse(status = 422, type = "not-a-multiple-set", when = "the set is a single set")
  AddCodesResult addCodes(@PathVariable long id, @Valid @RequestBody AddCodesRequest request) {
    return service.add(id, request);
  }

  @GetMapping
  @Operation(summary = "The set's codes, newest first, with status and fields")
  PageResponse<Code> listCodes(@PathVariable long id,
      @Parameter(schema = @Schema(allowableValues = {"available", "assigned", "sent", "redeemed"}))
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Long childSetId,
      @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
    return service.page(id, parse(status), childSetId, PageRequest.of(limit, cursor));
  }

  @PostMapping("/move")
  @Operation(operationId = "moveCodes",
      summary = "Move available codes into a child set (or out of child sets): named codes, or a number of them")
  @ProblemResponse(status = 422, type = "same-child-set", when = "the codes are in the target child set already")
  MoveCodesResult move(@PathVariable long id, @Valid @RequestBody MoveCodesRequest request) {
    return service.move(id, request);
  }

  @GetMapping(value = "/export", produces = "text/csv")
  @Operation(summary = "Stream the set's codes as CSV (code,status,childSetId,createdAt, then one column per field)")
  @ApiResponse(responseCode = "200", description = "The CSV file",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
  ResponseEntity<StreamingResponseBody> exportCodes(@PathVariable long id,
      @Parameter(schema = @Schema(allowableValues = {"available", "assigned", "sent", "redeemed"}))
      @RequestParam(required = false) String status) {
    CodeStatus filter = parse(status);
    sets.require(id);
    StreamingResponseBody body = out -> {
      var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      List<String> fields = service.fieldNames(id, filter);
      StringBuilder header = new StringBuilder("code,status,childSetId,createdAt");
      fields.forEach(name -> header.append(',').append(CsvCell.of(name)));
      writer.write(header.append('\n').toString());
      service.export(id, filter, code -> {
        try {
          StringBuilder line = new StringBuilder(64).append(CsvCell.of(code.code())).append(',')
              .append(code.status().wire()).append(',').append(code.childSetId() == null ? "" : code.childSetId())
              .append(',').append(code.createdAt());
          for (String name : fields) {
            String value = code.fields().get(name);
            line.append(',').append(value == null ? "" : CsvCell.of(value));
          }
          writer.write(line.append('\n').toString());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      writer.flush();
    };
    String name = "coupon-set-" + id + (filter == null ? "" : "-" + filter.wire()) + ".csv";
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(body);
  }

  private static CodeStatus parse(String status) {
    return status == null || status.isBlank() ? null : CodeStatus.fromWire(status);
  }
}
