package org.callobjectives.server.objectives.lint;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code lint [--config DIR]} command: prints every finding with file and line; exit 1 on
 * errors.
 */
public final class LintCommand {
  private LintCommand() {}

  public static int run(List<String> args, PrintStream out) {
    Path dir = Path.of("config");
    if (args.size() == 2 && args.get(0).equals("--config")) {
      dir = Path.of(args.get(1));
    } else if (!args.isEmpty()) {
      out.println("usage: lint [--config DIR]");
      return 2;
    }
    Lint.Report r = Lint.report(dir);
    if (r.loadError() != null) {
      out.println(r.loadError());
    }
    for (LintFinding f : r.findings()) {
      out.println(f);
    }
    out.println(
        r.errors()
            + " error(s), "
            + r.warnings()
            + " warning(s)"
            + (r.errors() > 0 ? ": the server refuses to load this configuration" : ""));
    return r.errors() > 0 ? 1 : 0;
  }
}
