package io.couponflow.importing;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Fails a read once more than {@code limit} characters were read since the last {@link #recordDone}:
 * the CSV parser holds a whole record in memory, so one 100 MB line or a line of ten million
 * columns must stop early rather than fill the heap. The parser reads ahead a buffer's worth, so a
 * record fails a little after the limit, never much later.
 */
final class RecordLimitReader extends FilterReader {
  private final long limit;
  private long sinceRecord;

  RecordLimitReader(Reader in, long limit) {
    super(in);
    this.limit = limit;
  }

  void recordDone() {
    sinceRecord = 0;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c != -1) {
      count(1);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int read = super.read(buffer, offset, length);
    if (read > 0) {
      count(read);
    }
    return read;
  }

  private void count(int chars) throws IOException {
    sinceRecord += chars;
    if (sinceRecord > limit) {
      throw new RecordTooLongException(limit);
    }
  }

  /** A record (one line, or a quoted value spanning lines) longer than any code file needs. */
  static final class RecordTooLongException extends IOException {
    RecordTooLongException(long limit) {
      super("a record is longer than " + (limit >= 1 << 20 ? (limit >> 20) + " MiB" : limit + " characters")
          + "; a code file holds short lines (is a line break missing, or is this not a code file?)");
    }
  }
}
