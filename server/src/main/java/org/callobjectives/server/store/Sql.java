package org.callobjectives.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Binding parameters, reading rows and inserting with a generated id, once for every table. */
final class Sql {
  private Sql() {}

  /** Reads one row into a value. */
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Binds in order; null becomes SQL NULL, booleans 0/1. */
  static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object v = args[i];
      if (v == null) {
        ps.setNull(i + 1, Types.NULL);
      } else if (v instanceof Boolean b) {
        ps.setInt(i + 1, b ? 1 : 0);
      } else if (v instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (v instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else if (v instanceof String str) {
        ps.setString(i + 1, str);
      } else {
        throw new IllegalArgumentException("no SQL binding for " + v.getClass().getName());
      }
    }
  }

  /**
   * Runs an INSERT and returns the new row's {@code id} (RETURNING: the same on every database).
   */
  static long insert(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql + " RETURNING id")) {
      bind(ps, args);
      try (ResultSet keys = ps.executeQuery()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** An INSERT ... ON CONFLICT DO NOTHING: the new row's {@code id}, or null when it conflicted. */
  static Long insertOrNull(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql + " RETURNING id")) {
      bind(ps, args);
      try (ResultSet keys = ps.executeQuery()) {
        return keys.next() ? keys.getLong(1) : null;
      }
    }
  }

  /** Runs a query and reads every row. */
  static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.read(rs));
        }
        return out;
      }
    }
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the rows changed. */
  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    }
  }

  static Long longOrNull(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }

  static Integer intOrNull(ResultSet rs, int i) throws SQLException {
    int v = rs.getInt(i);
    return rs.wasNull() ? null : v;
  }
}
