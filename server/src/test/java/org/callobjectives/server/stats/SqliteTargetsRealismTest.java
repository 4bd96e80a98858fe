package org.callobjectives.server.stats;

import java.sql.Connection;
import java.sql.DriverManager;
import org.callobjectives.server.store.DatabaseLocation;

/** Targets realism over history in a real SQLite file. */
class SqliteTargetsRealismTest extends TargetsRealismContract {
  @Override
  DatabaseLocation location() {
    return DatabaseLocation.sqlite(dir.resolve("objectives.db"));
  }

  @Override
  Connection connect() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("objectives.db"));
  }
}
