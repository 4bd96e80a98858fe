package org.callobjectives.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Who changed what and when: configuration saves, reloads, proposal decisions. */
public final class AuditLog {
  /** One audit entry (the file texts are left out of listings). */
  public record Entry(long id, long at, String who, String action, String file, String summary) {}

  private final Database db;

  AuditLog(Database db) {
    this.db = db;
  }

  public CompletableFuture<Long> record(
      long at,
      String who,
      String action,
      String file,
      String summary,
      String before,
      String after) {
    return db.write(
        c -> {
          return Sql.insert(
              c,
              """
          INSERT INTO config_audit (at, who, action, file, summary, before_text, after_text) VALUES (?,?,?,?,?,?,?)""",
              at,
              who,
              action,
              file,
              summary,
              before,
              after);
        });
  }

  /** Newest first. */
  public CompletableFuture<List<Entry>> recent(int limit) {
    return db.read(
        c -> {
          List<Entry> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, at, who, action, file, summary FROM config_audit ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Entry(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)));
              }
            }
          }
          return out;
        });
  }
}
