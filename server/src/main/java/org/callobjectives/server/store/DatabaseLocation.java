package org.callobjectives.server.store;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the data lives: a SQLite file (the embedded default, one server) or a PostgreSQL server
 * (several nodes share it). server.yaml's {@code database:} is either a file path or a {@code
 * postgresql://} / {@code jdbc:postgresql://} URL.
 */
public record DatabaseLocation(Path file, String jdbcUrl) {
  public DatabaseLocation {
    if ((file == null) == (jdbcUrl == null)) {
      throw new IllegalArgumentException("a database is either a file or a PostgreSQL URL");
    }
  }

  public static DatabaseLocation sqlite(Path file) {
    return new DatabaseLocation(file, null);
  }

  /**
   * Reads server.yaml's value: {@code postgresql://user:secret@host:5432/db?sslmode=require}, its
   * {@code jdbc:} form, or a path.
   */
  public static DatabaseLocation parse(String text) {
    String t = text.strip();
    if (t.startsWith("jdbc:postgresql:")) {
      return new DatabaseLocation(null, t);
    }
    if (t.startsWith("postgresql://") || t.startsWith("postgres://")) {
      URI u;
      try {
        u = new URI(t);
      } catch (java.net.URISyntaxException e) {
        // The message would repeat the whole URL, password included.
        throw new IllegalArgumentException(
            "database URL "
                + masked(t)
                + " is not a valid URL ("
                + e.getReason()
                + "): percent-encode special characters in the user and password");
      }
      return new DatabaseLocation(null, jdbcOf(u));
    }
    if (t.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new IllegalArgumentException(
          "database " + masked(t) + ": only a file path or a postgresql:// URL is understood");
    }
    return sqlite(Path.of(t));
  }

  /** Moves {@code user:secret@} of a libpq-style URL into JDBC parameters. */
  private static String jdbcOf(URI u) {
    if (u.getHost() == null) {
      throw new IllegalArgumentException("database URL " + masked(u.toString()) + " names no host");
    }
    StringBuilder q = new StringBuilder(u.getRawQuery() == null ? "" : u.getRawQuery());
    if (u.getRawUserInfo() != null) {
      String[] up = u.getRawUserInfo().split(":", 2);
      append(q, "user=" + up[0]);
      if (up.length == 2) {
        append(q, "password=" + up[1]);
      }
    }
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    return "jdbc:postgresql://"
        + u.getHost()
        + (u.getPort() > 0 ? ":" + u.getPort() : "")
        + path
        + (q.length() == 0 ? "" : "?" + q);
  }

  private static void append(StringBuilder q, String param) {
    q.append(q.length() == 0 ? "" : "&").append(param);
  }

  public boolean postgres() {
    return jdbcUrl != null;
  }

  /** For logs and messages: the URL with any password replaced by {@code ***}. */
  @Override
  public String toString() {
    return postgres() ? masked(jdbcUrl) : file.toString();
  }

  static String masked(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***")
        .replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
  }
}
