package org.callobjectives.server.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The sessions table. */
final class SqlSessionStore implements SessionStore {
  private final Database db;

  SqlSessionStore(Database db) {
    this.db = db;
  }

  @Override
  public CompletableFuture<Void> save(String idHash, StoredSession s, long nowMillis) {
    return db.write(
        c -> {
          Sql.update(
              c,
              "INSERT INTO sessions (id_hash, name, role, expires_at, created_at) VALUES (?,?,?,?,?)",
              idHash,
              s.name(),
              s.role(),
              s.expiresAtMillis(),
              nowMillis);
          return null;
        });
  }

  @Override
  public CompletableFuture<Optional<StoredSession>> find(String idHash) {
    return db.read(
        c -> {
          List<StoredSession> found =
              Sql.list(
                  c,
                  "SELECT name, role, expires_at FROM sessions WHERE id_hash = ?",
                  rs -> new StoredSession(rs.getString(1), rs.getString(2), rs.getLong(3)),
                  idHash);
          return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
  }

  @Override
  public CompletableFuture<Void> delete(String idHash) {
    return db.write(
        c -> {
          Sql.update(c, "DELETE FROM sessions WHERE id_hash = ?", idHash);
          return null;
        });
  }

  @Override
  public CompletableFuture<Integer> deleteExpired(long nowMillis) {
    return db.write(c -> Sql.update(c, "DELETE FROM sessions WHERE expires_at <= ?", nowMillis));
  }
}
