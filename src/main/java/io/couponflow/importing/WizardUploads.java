package io.couponflow.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files the wizard holds between its steps, named by a random token the page carries. They sit
 * next to the import store, so starting the import moves them by a rename.
 */
@Component
class WizardUploads {
  private final Path dir;

  WizardUploads(@Value("${couponflow.imports.dir:./data/imports}") Path importsDir) {
    this.dir = importsDir.toAbsolutePath().resolve("wizard");
  }

  String save(InputStream content) {
    String token = UUID.randomUUID().toString();
    try (content) {
      Files.createDirectories(dir);
      Files.copy(content, dir.resolve(token + ".csv"), StandardCopyOption.REPLACE_EXISTING);
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String saveText(String text) {
    return save(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The file of a token this class handed out; empty for anything else (the token comes from the browser). */
  Optional<Path> find(String token) {
    try {
      UUID.fromString(token);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
    Path file = dir.resolve(token + ".csv");
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void discard(String token) {
    find(token).ifPresent(file -> {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover upload is harmless
      }
    });
  }
}
