package io.couponflow.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks a whole file, streaming, before an import is accepted: UTF-8 text, not a binary file. */
final class FileCheck {
  private FileCheck() {}

  /** Null when the file is UTF-8 text; otherwise why it is not. */
  static String whyNotUtf8Text(Path file) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(1 << 16);
    CharBuffer out = CharBuffer.allocate(1 << 17);
    long offset = 0;
    try (InputStream stream = Files.newInputStream(file)) {
      boolean end = false;
      while (!end) {
        int read = stream.read(in.array(), in.position(), in.remaining());
        if (read < 0) {
          end = true;
        } else {
          in.position(in.position() + read);
        }
        in.flip();
        for (int i = in.position(); i < in.limit(); i++) {
          if (in.get(i) == 0) {
            return "the file contains NUL bytes (at byte " + (offset + i - in.position()) + "): it is not a text file";
          }
        }
        int before = in.position();
        CoderResult result = decoder.decode(in, out, end);
        if (result.isError()) {
          return "the file is not UTF-8 text (invalid byte sequence near byte " + (offset + in.position() - before) + ")";
        }
        offset += in.position() - before;
        out.clear();
        in.compact();
      }
      CoderResult flushed = decoder.flush(out);
      return flushed.isError() ? "the file is not UTF-8 text" : null;
    }
  }
}
