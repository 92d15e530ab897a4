package io.couponflow.importing;

import io.couponflow.code.CodeRules;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stages the codes of a generated import, as a file's rows would be: random codes of the pattern,
 * from a CSPRNG, appended in batches (the heap holds one batch, whatever the count). Collisions,
 * with codes of any set or within the import, are dropped in bulk by set-based statements and
 * topped up with fresh draws until exactly {@code count} rows are left; never one by one.
 */
final class CodeGenerator {
  /** Top-up rounds before giving up: each round is expected to leave a handful of rows short at most. */
  static final int MAX_ROUNDS = 30;

  private final ImportStaging staging;
  private final TransactionTemplate tx;
  private final int batchSize;
  private final CodePattern.RandomBytes random = new CodePattern.RandomBytes(new SecureRandom());

  CodeGenerator(ImportStaging staging, TransactionTemplate tx, int batchSize) {
    this.staging = staging;
    this.tx = tx;
    this.batchSize = batchSize;
  }

  /** The pattern ran out: too many of its codes exist already. */
  static class PatternExhaustedException extends RuntimeException {
    PatternExhaustedException(String message) {
      super(message);
    }
  }

  /** Stages exactly {@code count} new codes; null when {@code progress} asked to stop. */
  ImportStaging.Tally stage(long importId, int attempt, CodePattern pattern, long count, FileSorter.Progress progress) {
    double space = pattern.combinations().doubleValue();
    long line = 0;
    long left = 0;
    for (int round = 1; left < count; round++) {
      if (round > MAX_ROUNDS) {
        throw new PatternExhaustedException("after " + MAX_ROUNDS + " rounds only " + left + " of " + count
            + " codes of the pattern '" + pattern.text() + "' were new: most of its codes exist already");
      }
      long draws = draws(count - left, space - left);
      List<StagedRow> batch = new ArrayList<>((int) Math.min(batchSize, draws));
      for (long n = 0; n < draws; n++) {
        String value = pattern.generate(random);
        batch.add(new StagedRow(++line, value, CodeRules.keyOf(value), null));
        if (batch.size() == batchSize || n == draws - 1) {
          staging.append(importId, attempt, batch);
          batch = new ArrayList<>(batchSize);
          long made = Math.min(count, left + n + 1);
          if (!progress.afterBatch(made, 0, (int) Math.min(99, made * 100 / count))) {
            return null;
          }
        }
      }
      left = tx.execute(status -> staging.dropCollisions(importId, attempt));
    }
    if (left > count) {
      tx.executeWithoutResult(status -> staging.keepFirst(importId, attempt, count));
    }
    return new ImportStaging.Tally(count, 0);
  }

  /**
   * How many draws from {@code space} codes are expected to give {@code wanted} distinct ones
   * (-N ln(1 - n/N)), with a little to spare so that one round nearly always suffices.
   */
  static long draws(long wanted, double space) {
    if (space <= wanted) {
      return wanted * 2;
    }
    double expected = -space * Math.log1p(-wanted / space);
    return (long) Math.ceil(Math.max(expected, wanted) * 1.001) + 32;
  }
}
