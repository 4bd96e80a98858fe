package org.callobjectives.server.objectives.lint;

/**
 * One finding for one objective, pointing at the file and line to change, with what to write
 * instead where the check can propose it.
 */
public record LintFinding(
    String objectiveId,
    Severity severity,
    String rule,
    String message,
    String file,
    int line,
    String suggestion) {

  public LintFinding(
      String objectiveId, Severity severity, String rule, String message, String file, int line) {
    this(objectiveId, severity, rule, message, file, line, null);
  }

  /** The same finding at another place (an edited copy of the file). */
  public LintFinding at(String otherFile, int otherLine) {
    return new LintFinding(objectiveId, severity, rule, message, otherFile, otherLine, suggestion);
  }

  @Override
  public String toString() {
    return file
        + (line > 0 ? ":" + line : "")
        + ": "
        + severity.name().toLowerCase(java.util.Locale.ROOT)
        + " ["
        + rule
        + "] objective "
        + objectiveId
        + ": "
        + message
        + (suggestion == null ? "" : " Suggested: " + suggestion);
  }
}
