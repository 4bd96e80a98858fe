package org.callobjectives.server.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The experiments' SQL: call rows of an experiment joined to their agents' dispositions. */
final class SqlExperimentStore implements ExperimentStore {
  private final Database db;

  SqlExperimentStore(Database db) {
    this.db = db;
  }

  @Override
  public CompletableFuture<List<ExperimentCount>> counts(String experimentId) {
    // Integer division on both databases (created_at is an integer of milliseconds); the reader
    // connection, so a long review never holds up the writer.
    String slice = "d.created_at / " + SLICE_MILLIS;
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT c.experiment_variant, "
                    + slice
                    + """
                , COUNT(*),
                  SUM(CASE WHEN d.advance_obtained = 1 THEN 1 ELSE 0 END)
                FROM calls c JOIN dispositions d ON d.call_id = c.call_id AND d.agent_id = c.agent_id
                WHERE c.experiment_id = ? AND c.experiment_variant IS NOT NULL
                  AND d.code <> 'UNDISPOSED'
                GROUP BY c.experiment_variant, """
                    + slice
                    + " ORDER BY 2, 1",
                rs ->
                    new ExperimentCount(
                        rs.getString(1),
                        rs.getLong(2) * SLICE_MILLIS,
                        rs.getLong(3),
                        rs.getLong(4)),
                experimentId));
  }
}
