package org.callobjectives.server.objectives.lint;

/** An error blocks loading the configuration; a warning is shown and logged. */
public enum Severity {
  ERROR,
  WARNING
}
