package io.couponflow.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where import files wait for their job. Kept until the import is over, so a node that takes over a
 * crashed import reads the same file: with several nodes, point {@code couponflow.imports.dir} at
 * storage they share.
 */
@Component
class ImportFiles {
  private final Path dir;

  ImportFiles(@Value("${couponflow.imports.dir:./data/imports}") Path dir) {
    this.dir = dir.toAbsolutePath();
  }

  Path pathOf(long importId) {
    return dir.resolve("import-" + importId + ".csv");
  }

  /** A new empty file for an upload or a pasted list, in the same directory (so adopting it is a rename). */
  Path newUpload() {
    try {
      Files.createDirectories(dir);
      return Files.createTempFile(dir, "upload-", ".csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Scratch space of one attempt of an import that sorts its rows in the application (run files). */
  Path sortDirOf(long importId, int attempt) {
    return dir.resolve("sorting").resolve("import-" + importId + "-" + attempt);
  }

  /** Deletes the scratch space of every attempt of an import (a crashed node leaves its attempt's behind). */
  void deleteSortDirs(long importId) {
    Path sorting = dir.resolve("sorting");
    if (!Files.isDirectory(sorting)) {
      return;
    }
    try (var attempts = Files.newDirectoryStream(sorting, "import-" + importId + "-*")) {
      for (Path attempt : attempts) {
        deleteTree(attempt);
      }
    } catch (IOException ignored) {
      // scratch files only: the next clean-up takes them
    }
  }

  static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(ImportFiles::deleteQuietly);
    } catch (IOException | UncheckedIOException ignored) {
      // scratch files only: the next clean-up takes them
    }
  }

  void adopt(long importId, Path file) {
    try {
      Files.createDirectories(dir);
      Files.move(file, pathOf(importId), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the file of import " + importId, e);
    }
  }

  void delete(long importId) {
    deleteQuietly(pathOf(importId));
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temp file is harmless; the next clean-up of the directory takes it
    }
  }
}
