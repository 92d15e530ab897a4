package io.couponflow.importing;

import java.time.Instant;

/** An import as stored, with what the runner needs to read its file. */
record ImportRecord(
    long id,
    String type,
    ImportStatus status,
    String origin,
    long couponSetId,
    Long childSetId,
    String fileName,
    FileLayout layout,
    int codeColumn,
    long total,
    long success,
    long errors,
    int attempt,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String failure) {

  /** How the audit log names an import: "Import of “codes.csv”". */
  static String describe(String fileName) {
    return "Import of “" + fileName + "”";
  }

  String describe() {
    return describe(fileName);
  }

  ImportView view() {
    return new ImportView(id, type, status.wire(), origin, couponSetId, childSetId, fileName, total, success, errors,
        status == ImportStatus.FINISHED ? "/api/v1/imports/" + id + "/errors" : null, createdAt, startedAt, finishedAt,
        status == ImportStatus.ERROR ? failure : null);
  }
}
