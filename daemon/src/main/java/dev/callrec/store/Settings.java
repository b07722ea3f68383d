package dev.callrec.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Small named values the daemon keeps between runs (the connected Drive, whether uploads are paused). */
public final class Settings {
  private Settings() {}

  /** The value of {@code key}, or {@code otherwise} if it was never set. */
  public static String get(Connection connection, String key, String otherwise) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
      query.setString(1, key);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : otherwise;
      }
    }
  }

  public static void put(Connection connection, String key, String value) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
      upsert.setString(1, key);
      upsert.setString(2, value);
      upsert.executeUpdate();
    }
  }

  public static void remove(Connection connection, String key) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM settings WHERE key = ?")) {
      delete.setString(1, key);
      delete.executeUpdate();
    }
  }
}
