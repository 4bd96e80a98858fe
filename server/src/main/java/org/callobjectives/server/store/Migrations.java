package org.callobjectives.server.store;

import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Schema versions per database with Flyway, applied at start: {@code db/sqlite/V*.sql} and {@code
 * db/postgresql/V*.sql} describe the same schema, version for version.
 */
final class Migrations {
  private Migrations() {}

  /**
   * Migrates the database at {@code url} with the scripts under {@code location}; {@code
   * versionBefore} is a version recorded before Flyway (SQLite's user_version), 0 when none.
   * Returns the version in force. A database newer than this server is refused.
   */
  static String apply(Dialect dialect, String url, String location, int versionBefore)
      throws SQLException {
    var config =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(url, null, null)
            .locations("classpath:" + location)
            .connectRetries(dialect instanceof PostgresDialect ? 3 : 0);
    if (versionBefore > 0 && versionBefore < SqliteDialect.FLYWAY_MANAGED) {
      config = config.baselineOnMigrate(true).baselineVersion(String.valueOf(versionBefore));
    }
    Flyway flyway = config.load();
    try {
      for (MigrationInfo m : flyway.info().all()) {
        if (m.getState() == MigrationState.FUTURE_SUCCESS) {
          throw new SQLException(
              "database schema version "
                  + m.getVersion()
                  + " is newer than this server knows: use a newer server or another database");
        }
      }
      flyway.migrate();
      MigrationInfo current = flyway.info().current();
      return current == null ? "0" : current.getVersion().getVersion();
    } catch (FlywayException e) {
      throw new SQLException(dialect.name() + " schema migration failed: " + e.getMessage(), e);
    }
  }
}
