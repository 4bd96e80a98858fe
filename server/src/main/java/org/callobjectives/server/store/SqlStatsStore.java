package org.callobjectives.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The statistics' SQL: call legs with their disposition and compliance counts, by start time. */
final class SqlStatsStore implements StatsStore {
  private final Database db;

  SqlStatsStore(Database db) {
    this.db = db;
  }

  @Override
  public CompletableFuture<List<StatsRow>> rows(long fromMillis, long toMillis) {
    return db.read(
        c -> {
          List<StatsRow> out = new ArrayList<>();
          // The disposition is the call's own agent's; compliance = required compliance items,
          // ticked or not.
          try (PreparedStatement ps =
              c.prepareStatement(
                  """
          SELECT c.call_id, c.queue, c.agent_id, c.objective_id, c.objective_title,
            c.outcome, c.talk_seconds, c.started_at, c.connected_at, c.ended_at, c.caller_number, c.caller_name,
            d.code, d.advance_obtained, d.upsell_count, d.csat, d.is_sale, c.hold_seconds,
            (SELECT count(*) FROM checklist_results r
              WHERE r.disposition_id = d.id AND r.kind = 'compliance' AND r.required = 1),
            (SELECT count(*) FROM checklist_results r
              WHERE r.disposition_id = d.id AND r.kind = 'compliance' AND r.required = 1 AND r.done = 1)
          FROM calls c LEFT JOIN dispositions d ON d.call_id = c.call_id AND d.agent_id = c.agent_id
          WHERE c.started_at >= ? AND c.started_at < ?
          ORDER BY c.started_at""")) {
            ps.setLong(1, fromMillis);
            ps.setLong(2, toMillis);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new StatsRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        Sql.longOrNull(rs, 9),
                        Sql.longOrNull(rs, 10),
                        rs.getString(11),
                        rs.getString(12),
                        rs.getString(13),
                        rs.getInt(14) == 1,
                        rs.getInt(15),
                        rs.getObject(16) == null ? null : rs.getInt(16),
                        rs.getInt(17) == 1,
                        rs.getInt(19),
                        rs.getInt(20),
                        rs.getLong(18)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public CompletableFuture<List<StatsTotals>> totals(long fromMillis, long toMillis) {
    // "handled" as the live figures count it: connected to an agent and over.
    String handled =
        "c.connected_at IS NOT NULL AND c.agent_id IS NOT NULL AND c.outcome <> 'CONNECTED'";
    String real = "d.code IS NOT NULL AND d.code <> 'UNDISPOSED'";
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT c.agent_id, c.objective_id, MAX(c.objective_title), d.code,"
                    + " SUM(CASE WHEN "
                    + handled
                    + " THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN "
                    + handled
                    + " THEN c.talk_seconds ELSE 0 END),"
                    + " SUM(CASE WHEN c.outcome = 'ABANDONED' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN c.outcome = 'TIMED_OUT' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN d.code = 'UNDISPOSED' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN "
                    + real
                    + " THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN "
                    + real
                    + " THEN d.advance_obtained ELSE 0 END),"
                    + " SUM(CASE WHEN "
                    + real
                    + " THEN d.is_sale ELSE 0 END),"
                    + " SUM(CASE WHEN "
                    + real
                    + " THEN d.upsell_count ELSE 0 END),"
                    + " SUM(CASE WHEN "
                    + real
                    + " AND d.is_sale = 1 AND d.upsell_count > 0"
                    + " THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN "
                    + real
                    + " THEN d.csat ELSE NULL END),"
                    + " COUNT(CASE WHEN "
                    + real
                    + " THEN d.csat ELSE NULL END),"
                    + " SUM(CASE WHEN "
                    + real
                    + " THEN k.required ELSE 0 END),"
                    + " SUM(CASE WHEN "
                    + real
                    + " THEN k.done ELSE 0 END),"
                    + " SUM(CASE WHEN "
                    + real
                    + " AND k.required > 0 THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN "
                    + real
                    + " AND k.required > 0 AND k.done = k.required"
                    + " THEN 1 ELSE 0 END)"
                    + " FROM calls c"
                    + " LEFT JOIN dispositions d ON d.call_id = c.call_id AND d.agent_id = c.agent_id"
                    + " LEFT JOIN (SELECT disposition_id, COUNT(*) AS required, SUM(done) AS done"
                    + " FROM checklist_results WHERE kind = 'compliance' AND required = 1"
                    + " GROUP BY disposition_id) k ON k.disposition_id = d.id"
                    + " WHERE c.started_at >= ? AND c.started_at < ?"
                    + " GROUP BY c.agent_id, c.objective_id, d.code",
                rs ->
                    new StatsTotals(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getLong(11),
                        rs.getLong(12),
                        rs.getLong(13),
                        rs.getLong(14),
                        rs.getLong(15),
                        rs.getLong(16),
                        rs.getLong(17),
                        rs.getLong(18),
                        rs.getLong(19),
                        rs.getLong(20)),
                fromMillis,
                toMillis));
  }

  @Override
  public CompletableFuture<List<CommitmentTotals>> commitments(long fromMillis, long toMillis) {
    // A commitment's answer is its latest settling one (kept, not kept), else "not yet"; an
    // unsettled one is replaced once the same customer has a later advance (the pop asks about
    // the latest only).
    String replaced =
        "(a.answer IS NULL OR a.answer = 'not_yet') AND EXISTS (SELECT 1 FROM dispositions n"
            + " JOIN calls nc ON nc.call_id = n.call_id WHERE nc.caller_number = c.caller_number"
            + " AND n.advance_obtained = 1 AND n.code <> 'UNDISPOSED'"
            + " AND (n.created_at > d.created_at OR (n.created_at = d.created_at AND n.id > d.id)))";
    return db.read(
        c ->
            Sql.list(
                c,
                """
          SELECT d.agent_id, c.objective_id, COUNT(*),
            SUM(CASE WHEN a.answer IN ('kept', 'not_kept') THEN 1 ELSE 0 END),
            SUM(CASE WHEN a.answer = 'kept' THEN 1 ELSE 0 END),
            SUM(CASE WHEN a.answer = 'not_yet' AND NOT (%1$s) THEN 1 ELSE 0 END),
            SUM(CASE WHEN %1$s THEN 1 ELSE 0 END)
          FROM calls c
          JOIN dispositions d ON d.call_id = c.call_id AND d.agent_id = c.agent_id
          LEFT JOIN (
            SELECT k.commitment_call_id, k.commitment_agent_id, k.answer,
              ROW_NUMBER() OVER (PARTITION BY k.commitment_call_id, k.commitment_agent_id
                ORDER BY CASE WHEN k.answer = 'not_yet' THEN 1 ELSE 0 END, x.created_at DESC, x.id DESC) AS rn
            FROM commitment_checks k JOIN dispositions x ON x.id = k.disposition_id) a
            ON a.commitment_call_id = d.call_id AND a.commitment_agent_id = d.agent_id AND a.rn = 1
          WHERE c.started_at >= ? AND c.started_at < ? AND c.caller_number IS NOT NULL
            AND d.advance_obtained = 1 AND d.code <> 'UNDISPOSED'
          GROUP BY d.agent_id, c.objective_id"""
                    .formatted(replaced),
                rs ->
                    new CommitmentTotals(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)),
                fromMillis,
                toMillis));
  }
}
