package org.callobjectives.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Schema versions, applied in order at start; the version lives in {@code PRAGMA user_version}. */
final class Migrations {
  private Migrations() {}

  static final List<String[]> STEPS =
      List.<String[]>of(
          new String[] {
            """
        CREATE TABLE calls (
          call_id TEXT PRIMARY KEY,
          server TEXT NOT NULL,
          direction TEXT NOT NULL,
          queue TEXT,
          agent_id TEXT,
          caller_number TEXT,
          caller_name TEXT,
          linkedid TEXT,
          outcome TEXT NOT NULL,
          end_reason TEXT,
          hold_seconds INTEGER NOT NULL DEFAULT 0,
          talk_seconds INTEGER NOT NULL DEFAULT 0,
          started_at INTEGER NOT NULL,
          connected_at INTEGER,
          ended_at INTEGER,
          objective_id TEXT,
          objective_json TEXT,
          updated_at INTEGER NOT NULL
        )""",
            "CREATE INDEX calls_agent_connected ON calls(agent_id, connected_at)",
            "CREATE INDEX calls_started ON calls(started_at)",
            "CREATE INDEX calls_open ON calls(outcome) WHERE outcome = 'CONNECTED'",
            """
        CREATE TABLE dispositions (
          id INTEGER PRIMARY KEY,
          call_id TEXT NOT NULL REFERENCES calls(call_id),
          agent_id TEXT NOT NULL,
          code TEXT NOT NULL,
          advance_obtained INTEGER NOT NULL,
          upsell_count INTEGER NOT NULL DEFAULT 0,
          csat INTEGER,
          notes TEXT,
          request_id TEXT,
          is_sale INTEGER NOT NULL DEFAULT 0,
          is_contact INTEGER NOT NULL DEFAULT 0,
          is_not_interested INTEGER NOT NULL DEFAULT 0,
          is_callback INTEGER NOT NULL DEFAULT 0,
          is_do_not_call INTEGER NOT NULL DEFAULT 0,
          is_completed INTEGER NOT NULL DEFAULT 0,
          late INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL,
          UNIQUE (call_id, agent_id)
        )""",
            "CREATE INDEX dispositions_created ON dispositions(created_at)",
            """
        CREATE TABLE checklist_results (
          disposition_id INTEGER NOT NULL REFERENCES dispositions(id) ON DELETE CASCADE,
          item_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          required INTEGER NOT NULL,
          done INTEGER NOT NULL,
          PRIMARY KEY (disposition_id, item_id)
        )""",
            """
        CREATE TABLE upsell_notes (
          disposition_id INTEGER NOT NULL REFERENCES dispositions(id) ON DELETE CASCADE,
          seq INTEGER NOT NULL,
          note TEXT NOT NULL,
          PRIMARY KEY (disposition_id, seq)
        )"""
          },
          // 2: caller history lookups for the chain of advances; admin audit trail; agents'
          // proposals.
          new String[] {
            "CREATE INDEX calls_caller ON calls(caller_number)",
            """
        CREATE TABLE config_audit (
          id INTEGER PRIMARY KEY,
          at INTEGER NOT NULL,
          who TEXT NOT NULL,
          action TEXT NOT NULL,
          file TEXT,
          summary TEXT,
          before_text TEXT,
          after_text TEXT
        )""",
            """
        CREATE TABLE proposals (
          id INTEGER PRIMARY KEY,
          agent_id TEXT NOT NULL,
          objective_id TEXT,
          text TEXT NOT NULL,
          request_id TEXT,
          status TEXT NOT NULL DEFAULT 'open',
          created_at INTEGER NOT NULL,
          decided_by TEXT,
          decided_at INTEGER,
          UNIQUE (agent_id, request_id)
        )""",
            "CREATE INDEX proposals_status ON proposals(status, created_at)"
          },
          // 3: the AMI identities of a call, so that a restarted server tracks its open calls
          // again.
          new String[] {
            "ALTER TABLE calls ADD COLUMN caller_uniqueid TEXT",
            "ALTER TABLE calls ADD COLUMN other_uniqueid TEXT",
            "ALTER TABLE calls ADD COLUMN member_interface TEXT",
            "ALTER TABLE calls ADD COLUMN agent_channel TEXT",
            "ALTER TABLE calls ADD COLUMN far_channel TEXT"
          });

  static int apply(Connection c) throws SQLException {
    int version;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      version = rs.next() ? rs.getInt(1) : 0;
    }
    if (version > STEPS.size()) {
      throw new SQLException(
          "database schema version "
              + version
              + " is newer than this server ("
              + STEPS.size()
              + "): use a newer server or another database file");
    }
    for (int v = version; v < STEPS.size(); v++) {
      int step = v;
      Transactions.inTransaction(
          c,
          conn -> {
            try (Statement s = conn.createStatement()) {
              for (String sql : STEPS.get(step)) {
                s.execute(sql);
              }
              s.execute("PRAGMA user_version = " + (step + 1));
            }
            return null;
          });
    }
    return STEPS.size();
  }
}
