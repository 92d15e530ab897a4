package io.couponflow.importing;

import java.util.List;

/**
 * The first rows of a file, for the wizard's column picker. {@code columns} are the header's names
 * (or "Column 1", "Column 2", ... without a header); {@code suggestedCodeColumnIndex} is 0-based:
 * the column named {@code code}, else the first one; null for an empty file.
 */
public record CsvPreview(char delimiter, List<String> columns, List<List<String>> rows, Integer suggestedCodeColumnIndex) {}
