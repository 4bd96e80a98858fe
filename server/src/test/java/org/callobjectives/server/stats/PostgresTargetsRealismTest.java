package org.callobjectives.server.stats;

import java.sql.Connection;
import org.callobjectives.server.store.DatabaseLocation;
import org.callobjectives.server.testing.PostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Targets realism over history in a real PostgreSQL database. */
@ExtendWith(PostgresServer.class)
class PostgresTargetsRealismTest extends TargetsRealismContract {
  private PostgresServer.Database database;

  @BeforeEach
  void database(PostgresServer.Database db) {
    this.database = db;
  }

  @Override
  DatabaseLocation location() {
    return DatabaseLocation.parse(database.url());
  }

  @Override
  Connection connect() throws Exception {
    return database.connect();
  }
}
