package org.callobjectives.server.domain;

import org.callobjectives.protocol.CallStarted;

/** Who placed the call: a caller reaching a queue, or an agent dialling out. */
public enum Direction {
  INBOUND(CallStarted.INBOUND),
  OUTBOUND(CallStarted.OUTBOUND);

  private final String wire;

  Direction(String wire) {
    this.wire = wire;
  }

  /** As the pop and the database spell it ("inbound", "outbound"). */
  public String wire() {
    return wire;
  }

  /** The direction spelled {@code wire}; throws for anything else. */
  public static Direction of(String wire) {
    for (Direction d : values()) {
      if (d.wire.equals(wire)) {
        return d;
      }
    }
    throw new IllegalArgumentException("no call direction '" + wire + "'");
  }
}
