package org.callobjectives.server.objectives.lint;

/** One lint result for one objective, pointing at the file and line to change. */
public record LintFinding(String objectiveId, Severity severity, String rule, String message, String file,
    int line) {

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + severity.name().toLowerCase(java.util.Locale.ROOT)
        + " [" + rule + "] objective " + objectiveId + ": " + message;
  }
}
