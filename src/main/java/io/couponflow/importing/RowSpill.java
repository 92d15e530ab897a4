package io.couponflow.importing;

import io.couponflow.code.RejectReason;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Staged rows written to a scratch file in the order given and read back in that order: the
 * sorter's runs and an import's rejected rows, so neither has to fit in the heap.
 */
final class RowSpill {
  private static final int BUFFER = 1 << 16;

  private RowSpill() {}

  /** Appends rows to a new file. */
  static final class Writer implements AutoCloseable {
    private final DataOutputStream out;

    Writer(Path file) {
      try {
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void write(StagedRow row) {
      try {
        out.writeLong(row.line());
        out.writeUTF(row.value());
        writeNullable(row.key());
        writeNullable(row.reason() == null ? null : row.reason().wire());
        writeNullable(row.fields());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void writeNullable(String text) throws IOException {
      out.writeBoolean(text != null);
      if (text != null) {
        out.writeUTF(text);
      }
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Reads a file's rows back, one at a time. */
  static final class Reader implements AutoCloseable {
    private final DataInputStream in;

    Reader(Path file) {
      try {
        in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The next row, or null at the end. */
    StagedRow next() {
      try {
        long line;
        try {
          line = in.readLong();
        } catch (EOFException end) {
          return null;
        }
        String value = in.readUTF();
        String key = readNullable();
        String reason = readNullable();
        String fields = readNullable();
        return new StagedRow(line, value, key, reason == null ? null : RejectReason.fromWire(reason), fields);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private String readNullable() throws IOException {
      return in.readBoolean() ? in.readUTF() : null;
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
