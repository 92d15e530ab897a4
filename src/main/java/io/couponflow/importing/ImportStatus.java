package io.couponflow.importing;

/** The life of an import; the wire names are the contract's. */
enum ImportStatus {
  QUEUED("queued"),
  IN_PROGRESS("inProgress"),
  FINISHED("finished"),
  ERROR("error"),
  CANCELLED("cancelled");

  private final String wire;

  ImportStatus(String wire) {
    this.wire = wire;
  }

  String wire() {
    return wire;
  }

  boolean isOver() {
    return this == FINISHED || this == ERROR || this == CANCELLED;
  }

  static ImportStatus fromWire(String value) {
    for (ImportStatus status : values()) {
      if (status.wire.equals(value)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown import status " + value);
  }
}
