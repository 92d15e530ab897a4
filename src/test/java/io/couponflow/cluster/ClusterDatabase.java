package io.couponflow.cluster;

import io.couponflow.support.ApiClient;
import io.couponflow.support.FreshPostgresDatabase;
import io.couponflow.support.Multipart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh PostgreSQL database of its own for a test that runs application JVMs, and reads of it. */
final class ClusterDatabase {
  final String url;

  private ClusterDatabase(String url) {
    this.url = url;
  }

  static ClusterDatabase fresh(String suffix) throws SQLException {
    String db = FreshPostgresDatabase.NAME + "_" + suffix;
    try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + FreshPostgresDatabase.HOST + "/postgres",
        "postgres", ""); Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + db);
    }
    return new ClusterDatabase("jdbc:postgresql://" + FreshPostgresDatabase.HOST + "/" + db);
  }

  long single(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A CSV file of {@code rows} distinct codes under a header. */
  static Path codeFile(Path dir, String prefix, int rows) throws IOException {
    Path file = dir.resolve(prefix + ".csv");
    try (var out = Files.newBufferedWriter(file)) {
      out.write("code\n");
      for (int i = 0; i < rows; i++) {
        out.write(prefix);
        out.write('-');
        out.write(Integer.toString(i));
        out.write('\n');
      }
    }
    return file;
  }

  /** Uploads a code file as an import; the import's id. */
  static long startImport(ApiClient node, long setId, Path file) {
    var created = node.send(new Multipart().field("couponSetId", setId).file(file.getFileName().toString(), file)
        .into(node.request("/api/v1/imports")));
    if (created.status() != 201) {
      throw new IllegalStateException("import refused: " + created.status() + " " + created.text());
    }
    return created.json().get("id").asLong();
  }
}
