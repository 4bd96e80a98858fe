package org.callobjectives.server.funnel;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.callobjectives.server.store.DatabaseLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The funnel contract on a real SQLite file. */
class SqliteFunnelTest extends FunnelContract {
  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void file() {
    file = dir.resolve("objectives.db");
  }

  @Override
  DatabaseLocation location() {
    return DatabaseLocation.sqlite(file);
  }

  @Override
  Connection connect() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }
}
