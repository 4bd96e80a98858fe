package org.callobjectives.server.ami;

/**
 * What the AMI user may send, from ListCommands at login (Asterisk lists only the actions the
 * user's {@code write} classes allow); {@code known} is false until the answer came (then both
 * flags say true: try and report a refusal when it happens).
 */
public record AmiCapabilities(boolean known, boolean queuePause, boolean coreShowChannels) {
  /** Not asked yet, or ListCommands itself failed. */
  public static final AmiCapabilities UNKNOWN = new AmiCapabilities(false, true, true);

  /**
   * The manager.conf write classes missing for the actions the server sends, e.g. "agent" or
   * "reporting (or system)".
   */
  public java.util.List<String> missingWriteClasses() {
    java.util.List<String> missing = new java.util.ArrayList<>();
    if (!queuePause) {
      missing.add("agent");
    }
    if (!coreShowChannels) {
      missing.add("reporting (or system)");
    }
    return missing;
  }
}
