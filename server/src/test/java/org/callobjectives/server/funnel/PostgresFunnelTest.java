package org.callobjectives.server.funnel;

import java.sql.Connection;
import org.callobjectives.server.store.DatabaseLocation;
import org.callobjectives.server.testing.PostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The funnel contract on a real PostgreSQL server. */
@ExtendWith(PostgresServer.class)
class PostgresFunnelTest extends FunnelContract {
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
