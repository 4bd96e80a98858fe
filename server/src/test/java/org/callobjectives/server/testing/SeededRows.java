package org.callobjectives.server.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes call and disposition rows as the server stores them, with times of the test's choosing
 * (history weeks back), through plain SQL that SQLite and PostgreSQL both take.
 */
public final class SeededRows {
  private final Connection c;

  public SeededRows(Connection c) {
    this.c = c;
  }

  /** An answered call that ended a minute after it started. */
  public SeededRows call(
      String callId, String queue, String agent, String caller, String stage, long startedAt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO calls (call_id, server, direction, queue, agent_id, caller_number, outcome,"
                + " end_reason, hold_seconds, talk_seconds, started_at, connected_at, ended_at,"
                + " objective_id, objective_stage, updated_at)"
                + " VALUES (?, 'pbx', 'INBOUND', ?, ?, ?, 'COMPLETED', 'caller', 5, 55, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, callId);
      ps.setString(2, queue);
      ps.setString(3, agent);
      ps.setString(4, caller);
      ps.setLong(5, startedAt);
      ps.setLong(6, startedAt + 5_000);
      ps.setLong(7, startedAt + 60_000);
      ps.setString(8, stage == null ? "support-usage-figures" : "objective-" + stage);
      ps.setString(9, stage);
      ps.setLong(10, startedAt + 60_000);
      ps.executeUpdate();
    }
    return this;
  }

  /** The call's agent's disposition, stored at {@code at}. */
  public SeededRows disposition(
      String callId, String agent, String code, boolean advance, boolean doNotCall, long at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO dispositions (call_id, agent_id, code, advance_obtained, is_do_not_call,"
                + " is_contact, is_completed, created_at) VALUES (?, ?, ?, ?, ?, 1, 1, ?)")) {
      ps.setString(1, callId);
      ps.setString(2, agent);
      ps.setString(3, code);
      ps.setInt(4, advance ? 1 : 0);
      ps.setInt(5, doNotCall ? 1 : 0);
      ps.setLong(6, at);
      ps.executeUpdate();
    }
    return this;
  }

  /**
   * The answer the agent's disposition of {@code callId} gave about the commitment obtained on
   * {@code commitmentCallId} by {@code commitmentAgent}: kept, not_kept or not_yet.
   */
  public SeededRows answer(
      String callId, String agent, String commitmentCallId, String commitmentAgent, String answer)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO commitment_checks (disposition_id, commitment_call_id,"
                + " commitment_agent_id, answer) SELECT id, ?, ?, ? FROM dispositions"
                + " WHERE call_id = ? AND agent_id = ?")) {
      ps.setString(1, commitmentCallId);
      ps.setString(2, commitmentAgent);
      ps.setString(3, answer);
      ps.setString(4, callId);
      ps.setString(5, agent);
      if (ps.executeUpdate() != 1) {
        throw new SQLException("no disposition of " + callId + " by " + agent);
      }
    }
    return this;
  }
}
