package io.couponflow.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Both drivers bind and read OffsetDateTime for TIMESTAMP WITH TIME ZONE; Instant only H2 does. */
public final class Timestamps {
  private Timestamps() {}

  public static OffsetDateTime bind(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static Instant read(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
