package io.couponflow.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout of PostgreSQL's binary COPY (its docs, "Binary Format"); the PostgreSQL ITs load it for real. */
class CopyBinaryTest {
  @Test
  void aRowIsItsFieldCountThenEachValueByLengthBetweenTheSignatureAndTheTrailer() {
    Instant t = Instant.parse("2000-01-01T00:00:01.000002Z");
    CopyBinary copy = CopyBinary.of(List.<Object[]>of(new Object[] {7L, 3, "ÄB", null, t}));
    ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(copy.bytes(), copy.length()));

    byte[] signature = new byte[11];
    in.get(signature);
    assertThat(signature).containsExactly('P', 'G', 'C', 'O', 'P', 'Y', '\n', 0xFF, '\r', '\n', 0);
    assertThat(in.getInt()).as("flags").isZero();
    assertThat(in.getInt()).as("header extension").isZero();
    assertThat(in.getShort()).as("fields").isEqualTo((short) 5);
    assertThat(in.getInt()).isEqualTo(8);
    assertThat(in.getLong()).isEqualTo(7L);
    assertThat(in.getInt()).isEqualTo(4);
    assertThat(in.getInt()).isEqualTo(3);
    byte[] text = "ÄB".getBytes(StandardCharsets.UTF_8);
    assertThat(in.getInt()).isEqualTo(text.length);
    byte[] read = new byte[text.length];
    in.get(read);
    assertThat(read).isEqualTo(text);
    assertThat(in.getInt()).as("NULL").isEqualTo(-1);
    assertThat(in.getInt()).isEqualTo(8);
    assertThat(in.getLong()).as("microseconds since 2000-01-01").isEqualTo(1_000_002L);
    assertThat(in.getShort()).as("trailer").isEqualTo((short) -1);
    assertThat(in.hasRemaining()).isFalse();
  }

  @Test
  void aValueWithoutABinaryFormIsRefusedRatherThanGuessed() {
    assertThatThrownBy(() -> CopyBinary.of(List.<Object[]>of(new Object[] {1.5d})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Double");
  }
}
