package io.couponflow.db;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Rows in the binary format of PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)}: a Long
 * is a bigint, an Integer an integer, a String text (any varchar or text column), an Instant a
 * timestamp with time zone, null NULL. The server takes each value as it is instead of parsing
 * text: copying a million codes into {@code code} (a timestamp and four numbers a row) took
 * noticeably less of the server than CSV did (docs/benchmarks.md).
 */
final class CopyBinary {
  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
  /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in seconds since 1970. */
  private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

  private byte[] bytes;
  private int length;

  private CopyBinary(int capacity) {
    bytes = new byte[capacity];
  }

  /** The rows' bytes, header and trailer included (the array may be longer: see {@link #length()}). */
  static CopyBinary of(List<Object[]> rows) {
    CopyBinary copy = new CopyBinary(Math.max(64, rows.size() * 96));
    copy.put(SIGNATURE);
    copy.putInt(0); // flags: no OIDs
    copy.putInt(0); // no header extension
    for (Object[] row : rows) {
      copy.putShort(row.length);
      for (Object value : row) {
        copy.value(value);
      }
    }
    copy.putShort(-1);
    return copy;
  }

  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  private void value(Object value) {
    if (value == null) {
      putInt(-1);
    } else if (value instanceof Long number) {
      putInt(8);
      putLong(number);
    } else if (value instanceof Integer number) {
      putInt(4);
      putInt(number);
    } else if (value instanceof Instant instant) {
      putInt(8);
      putLong(Math.addExact(Math.multiplyExact(instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
          instant.getNano() / 1000));
    } else if (value instanceof String text) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      putInt(utf8.length);
      put(utf8);
    } else {
      throw new IllegalArgumentException("no binary COPY form for " + value.getClass().getName());
    }
  }

  private void put(byte[] more) {
    room(more.length);
    System.arraycopy(more, 0, bytes, length, more.length);
    length += more.length;
  }

  private void putShort(int value) {
    room(2);
    bytes[length++] = (byte) (value >>> 8);
    bytes[length++] = (byte) value;
  }

  private void putInt(int value) {
    room(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      bytes[length++] = (byte) (value >>> shift);
    }
  }

  private void putLong(long value) {
    room(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      bytes[length++] = (byte) (value >>> shift);
    }
  }

  private void room(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
