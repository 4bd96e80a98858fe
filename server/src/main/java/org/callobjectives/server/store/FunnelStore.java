package org.callobjectives.server.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Reads the funnel of advances' rows: a queue's dispositioned calls at a stage, on the reader. */
public final class FunnelStore {
  private final Database db;

  FunnelStore(Database db) {
    this.db = db;
  }

  /**
   * The dispositioned calls of {@code queue} that were at a stage, with a caller number, oldest
   * disposition first (UNDISPOSED is a missed wrap-up, not an outcome, and does not count).
   */
  public CompletableFuture<List<FunnelStep>> steps(String queue) {
    return db.read(
        c ->
            Sql.list(
                c,
                """
                SELECT c.caller_number, c.call_id, c.objective_stage, d.agent_id, d.code,
                  d.advance_obtained, d.is_do_not_call, c.started_at, d.created_at
                FROM dispositions d JOIN calls c ON c.call_id = d.call_id
                WHERE c.queue = ? AND c.objective_stage IS NOT NULL AND c.caller_number IS NOT NULL
                  AND d.code <> 'UNDISPOSED'
                ORDER BY d.created_at, d.id""",
                rs ->
                    new FunnelStep(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6) == 1,
                        rs.getInt(7) == 1,
                        rs.getLong(8),
                        rs.getLong(9)),
                queue));
  }
}
