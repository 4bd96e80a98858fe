package org.callobjectives.server.config;

import java.nio.file.Path;

/** A last check on a loaded configuration before it may be used (the objective lint is one). */
@FunctionalInterface
public interface ConfigGate {
  /** Lets everything through: for reports that show what is wrong instead of refusing it. */
  ConfigGate NONE = (dir, config) -> {};

  /** Throws, naming file and line, when {@code config} must not be put in force. */
  void check(Path dir, Config config) throws ConfigException;
}
