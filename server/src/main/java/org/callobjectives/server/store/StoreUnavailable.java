package org.callobjectives.server.store;

import java.sql.SQLException;

/**
 * The database does not accept writes right now (full, I/O error, busy): try again later, nothing
 * was lost.
 */
public final class StoreUnavailable extends SQLException {
  public StoreUnavailable(String message) {
    super(message);
  }
}
