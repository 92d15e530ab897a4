package io.couponflow.importing;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The multipart form of POST /api/v1/imports as the OpenAPI description shows it, field by field. The
 * controller reads the same fields as request parameters (a file part streams to disk, never the heap).
 */
@Schema(name = "ImportForm", description = "Send either file or text", requiredProperties = {"couponSetId"})
record ImportForm(
    @Schema(description = "What is imported; only coupons", allowableValues = "coupons", defaultValue = "coupons")
    String type,
    @Schema(description = "The multiple set that receives the codes", example = "42")
    Long couponSetId,
    @Schema(description = "A child set of it that receives the codes instead", nullable = true)
    Long childSetId,
    @Schema(description = "The CSV's field separator", allowableValues = {",", ";"}, defaultValue = ",")
    String delimiter,
    @Schema(description = "Whether the file's first line names the columns", defaultValue = "true")
    Boolean hasHeader,
    @Schema(description = "The code's column: a header name (matched without regard to case) or a 1-based index; "
        + "default: the column named code, else the first", example = "code")
    String codeColumn,
    @Schema(description = "Which other columns of a file with a header are kept as per-code fields: all, none, or "
        + "a comma-separated list of header or field names (at most 20 fields, values up to 256 characters)",
        defaultValue = "all", example = "value,expiresOn")
    String fields,
    @Schema(description = "A UTF-8 CSV file (BOM allowed, quoted fields, CRLF or LF), up to COUPONFLOW_MAX_UPLOAD_SIZE",
        type = "string", format = "binary")
    byte[] file,
    @Schema(description = "A pasted list instead of a file: one code per line, at most 2 MB", example = "SUMMER-1\nSUMMER-2")
    String text) {}
