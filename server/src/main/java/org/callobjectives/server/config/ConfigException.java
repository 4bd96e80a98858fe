package org.callobjectives.server.config;

import java.nio.file.Path;

/** A configuration that cannot work: names the file, the line and what to fix. */
public final class ConfigException extends Exception {
  private final Path file;
  private final int line;

  public ConfigException(Path file, int line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }
}
