package io.couponflow.importing;

/**
 * What a running import is doing. Only reading has a measurable share done (bytes of the file
 * read); checking and adding are each one set-based statement whose progress the database does not
 * report, so they show no percent rather than a guessed one.
 */
enum ImportPhase {
  READING("reading"),
  CHECKING("checking"),
  ADDING("adding");

  private final String wire;

  ImportPhase(String wire) {
    this.wire = wire;
  }

  String wire() {
    return wire;
  }

  /** The percent of this phase that is done, or null when it cannot be known. */
  Integer percent(Integer filePercent) {
    return this == READING ? (filePercent == null ? Integer.valueOf(0) : filePercent) : null;
  }

  static ImportPhase fromWire(String value) {
    if (value == null) {
      return null;
    }
    for (ImportPhase phase : values()) {
      if (phase.wire.equals(value)) {
        return phase;
      }
    }
    throw new IllegalArgumentException("unknown import phase " + value);
  }
}
