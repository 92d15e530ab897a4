package io.couponflow.importing;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams an import file record by record with the physical line each record starts on (1-based,
 * header included). Strict UTF-8 (a malformed byte fails the read), a leading BOM is dropped, and
 * a record longer than {@link #MAX_RECORD_CHARS} fails the read before it can fill the heap.
 */
final class CodeFile implements AutoCloseable {
  private static final char BOM = '\uFEFF';
  /** Far above any real line of a code file (a code is at most a few hundred characters). */
  static final long MAX_RECORD_CHARS = 1 << 20;

  /** One record: the line it starts on and its fields. */
  record Line(long number, CSVRecord fields) {
    String field(int index) {
      return index < fields.size() ? fields.get(index) : "";
    }
  }

  private final CSVParser parser;
  private final RecordLimitReader limit;
  private final Iterator<CSVRecord> records;
  private final CountingInputStream bytes;
  private final long size;
  private long linesBefore;

  private CodeFile(CSVParser parser, RecordLimitReader limit, CountingInputStream bytes, long size) {
    this.parser = parser;
    this.limit = limit;
    this.records = parser.iterator();
    this.bytes = bytes;
    this.size = size;
  }

  static CodeFile open(Path file, FileLayout layout) throws IOException {
    return open(file, layout, MAX_RECORD_CHARS);
  }

  static CodeFile open(Path file, FileLayout layout, long maxRecordChars) throws IOException {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CountingInputStream bytes = new CountingInputStream(Files.newInputStream(file));
    Reader reader = new PushbackReader(new BufferedReader(new InputStreamReader(bytes, decoder), 1 << 16));
    try {
      int first = reader.read();
      if (first != -1 && first != BOM) {
        ((PushbackReader) reader).unread(first);
      }
      RecordLimitReader limited = new RecordLimitReader(reader, maxRecordChars);
      return new CodeFile(CSVParser.builder().setReader(limited).setFormat(layout.format()).get(), limited, bytes,
          Files.size(file));
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** The next record, or null at the end; a read or syntax error surfaces as {@link UnreadableFileException}. */
  Line next() {
    try {
      if (!records.hasNext()) {
        return null;
      }
      CSVRecord record = records.next();
      limit.recordDone();
      Line line = new Line(linesBefore + 1, record);
      linesBefore = parser.getCurrentLineNumber();
      return line;
    } catch (UncheckedIOException | IllegalStateException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new UnreadableFileException("line " + (linesBefore + 1) + ": " + cause.getMessage(), e);
    }
  }

  /**
   * How much of the file was read, 0 to 100: bytes handed to the parser over the file's size (the
   * reader runs ahead of the parser by at most its buffers, 64 KB and a few KB).
   */
  int percentRead() {
    return size == 0 ? 100 : (int) Math.min(100, bytes.count * 100 / size);
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts the bytes read through it. */
  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }

  /** The file is not UTF-8 text, or not CSV the parser can read. */
  static class UnreadableFileException extends RuntimeException {
    UnreadableFileException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
