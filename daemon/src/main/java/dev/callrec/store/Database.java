package dev.callrec.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The daemon's one SQLite database (recordings, the upload queue, prompts, settings), in WAL mode with full
 * sync, so that whatever a transaction committed survives a crash or a power cut. One connection, used by
 * one thread at a time: the daemon writes little, and never in a hurry.
 */
public final class Database implements AutoCloseable {
  private final Connection connection;

  private Database(Connection connection) {
    this.connection = connection;
  }

  /** Opens (or creates) the database and brings its schema up to date. */
  public static Database open(Path file) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA journal_mode = WAL");
      statement.execute("PRAGMA synchronous = FULL");
      statement.execute("PRAGMA foreign_keys = ON");
      statement.execute("PRAGMA busy_timeout = 5000");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    Database database = new Database(connection);
    try {
      database.transaction(Schema::migrate);
    } catch (SQLException | RuntimeException e) {
      database.close();
      throw e;
    }
    return database;
  }

  /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
  public synchronized <T> T transaction(Work<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** Runs {@code work} that only reads. */
  public synchronized <T> T read(Work<T> work) throws SQLException {
    return work.run(connection);
  }

  /** {@link #read}, for callers that cannot go on without the database: a failure is unchecked. */
  public <T> T readOrFail(Work<T> work) {
    try {
      return read(work);
    } catch (SQLException e) {
      throw new IllegalStateException("callrec's database cannot be read: " + e.getMessage(), e);
    }
  }

  /** {@link #transaction}, for callers that cannot go on without the database: a failure is unchecked. */
  public <T> T transactionOrFail(Work<T> work) {
    try {
      return transaction(work);
    } catch (SQLException e) {
      throw new IllegalStateException("callrec's database cannot be written: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    connection.close();
  }

  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }
}
