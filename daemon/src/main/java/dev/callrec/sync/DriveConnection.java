package dev.callrec.sync;

import dev.callrec.platform.SecretFile;
import dev.callrec.store.Database;
import dev.callrec.store.Settings;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Drive the user connected: kept in the database (kind, location, user, and an S3 Drive's bucket, prefix,
 * region and addressing) and the secrets file (the password, or an S3 Drive's secret key),
 * opened when first needed after a start.
 */
public final class DriveConnection {
  private static final Logger log = LoggerFactory.getLogger(DriveConnection.class);
  private static final String KIND = "drive.kind";
  private static final String LOCATION = "drive.location";
  private static final String USER = "drive.user";
  private static final String BUCKET = "drive.bucket";
  private static final String PREFIX = "drive.prefix";
  private static final String REGION = "drive.region";
  private static final String PATH_STYLE = "drive.path-style";
  private static final String PASSWORD = "drive.password";

  private final Database database;
  private final SecretFile secrets;
  private final DriveFactory factory;
  private Drive drive;

  public DriveConnection(Database database, SecretFile secrets, DriveFactory factory) {
    this.database = database;
    this.secrets = secrets;
    this.factory = factory;
  }

  /** Whether a Drive is connected, read within a transaction. */
  static boolean connected(Connection connection) throws SQLException {
    return Settings.get(connection, KIND, null) != null;
  }

  /** The connected Drive's description, if one is connected. */
  public Optional<DriveSpec> spec() throws SQLException {
    return database.read(connection -> {
      String kind = Settings.get(connection, KIND, null);
      if (kind == null) {
        return Optional.empty();
      }
      String bucket = Settings.get(connection, BUCKET, null);
      return Optional.of(new DriveSpec(DriveSpec.Kind.valueOf(kind), Settings.get(connection, LOCATION, ""),
          Settings.get(connection, USER, ""), bucket == null ? null : new S3Bucket(bucket,
              Settings.get(connection, PREFIX, ""), Settings.get(connection, REGION, S3Bucket.DEFAULT_REGION),
              Boolean.parseBoolean(Settings.get(connection, PATH_STYLE, "true")))));
    });
  }

  /** Like {@link #spec()}, for use after another failure: a database error counts as no Drive. */
  Optional<DriveSpec> specQuietly() {
    try {
      return spec();
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  /** The connected Drive, opened; empty if none is connected. */
  public synchronized Optional<Drive> current() throws SQLException, IOException, DriveException {
    if (drive == null) {
      Optional<DriveSpec> spec = spec();
      if (spec.isEmpty()) {
        return Optional.empty();
      }
      String password = secrets.get(PASSWORD);
      drive = factory.open(spec.get(), password == null ? "" : password);
    }
    return Optional.of(drive);
  }

  /**
   * Opens the Drive, checks that recordings can be written there, and only then keeps it in place of the one
   * connected before.
   */
  public Drive connect(DriveSpec spec, String password)
      throws DriveException, InterruptedException, SQLException, IOException {
    Drive candidate = factory.open(spec, password);
    try {
      candidate.check();
    } catch (DriveException | InterruptedException | RuntimeException e) {
      candidate.close();
      throw e;
    }
    synchronized (this) {
      if (password.isEmpty()) {
        secrets.remove(PASSWORD);
      } else {
        secrets.put(PASSWORD, password);
      }
      database.transaction(connection -> {
        Settings.put(connection, KIND, spec.kind().name());
        Settings.put(connection, LOCATION, spec.location());
        Settings.put(connection, USER, spec.user());
        removeBucket(connection);
        if (spec.bucket() != null) {
          Settings.put(connection, BUCKET, spec.bucket().name());
          Settings.put(connection, PREFIX, spec.bucket().prefix());
          Settings.put(connection, REGION, spec.bucket().region());
          Settings.put(connection, PATH_STYLE, Boolean.toString(spec.bucket().pathStyle()));
        }
        return null;
      });
      closeDrive();
      drive = candidate;
    }
    log.info("Connected {}", candidate.describe());
    return candidate;
  }

  /** Forgets the Drive and its password. */
  public synchronized void disconnect() throws SQLException, IOException {
    database.transaction(connection -> {
      Settings.remove(connection, KIND);
      Settings.remove(connection, LOCATION);
      Settings.remove(connection, USER);
      removeBucket(connection);
      return null;
    });
    secrets.remove(PASSWORD);
    closeDrive();
    log.info("Disconnected the Drive");
  }

  private static void removeBucket(Connection connection) throws SQLException {
    for (String key : new String[] {BUCKET, PREFIX, REGION, PATH_STYLE}) {
      Settings.remove(connection, key);
    }
  }

  public synchronized void close() {
    closeDrive();
  }

  private void closeDrive() {
    if (drive != null) {
      drive.close();
      drive = null;
    }
  }
}
