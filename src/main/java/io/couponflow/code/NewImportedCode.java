package io.couponflow.code;

/** A code an import adds: its value, its key ({@link CodeRules#keyOf}) and its fields as JSON (null: none). */
public record NewImportedCode(String value, String key, String fields) {}
