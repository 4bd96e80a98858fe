package org.callobjectives.server.store;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Browser sessions as the database keeps them, by the SHA-256 of their cookie value, so that a
 * restart or another node knows them.
 */
public interface SessionStore {
  /** A session as stored: who, with which role (its name), until when. */
  record StoredSession(String name, String role, long expiresAtMillis) {}

  CompletableFuture<Void> save(String idHash, StoredSession s, long nowMillis);

  CompletableFuture<Optional<StoredSession>> find(String idHash);

  CompletableFuture<Void> delete(String idHash);

  /** Drops sessions that expired before {@code nowMillis}. */
  CompletableFuture<Integer> deleteExpired(long nowMillis);
}
