package dev.callrec.sync;

import dev.callrec.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** {@link MultipartUploads} in the {@code multipart_uploads} table, next to the upload queue. */
public final class StoredMultipartUploads implements MultipartUploads {
  private final Database database;

  public StoredMultipartUploads(Database database) {
    this.database = database;
  }

  @Override
  public Optional<Started> find(String objectKey) throws DriveException {
    return run(() -> database.read(connection -> {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT upload_id, part_size, created_at FROM multipart_uploads WHERE object_key = ?")) {
        query.setString(1, objectKey);
        try (ResultSet row = query.executeQuery()) {
          return row.next()
              ? Optional.of(new Started(objectKey, row.getString(1), row.getLong(2), Instant.ofEpochMilli(row.getLong(3))))
              : Optional.<Started>empty();
        }
      }
    }));
  }

  @Override
  public void remember(Started upload) throws DriveException {
    run(() -> database.transaction(connection -> {
      try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO multipart_uploads "
          + "(object_key, upload_id, part_size, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (object_key) DO UPDATE "
          + "SET upload_id = excluded.upload_id, part_size = excluded.part_size, created_at = excluded.created_at")) {
        upsert.setString(1, upload.objectKey());
        upsert.setString(2, upload.uploadId());
        upsert.setLong(3, upload.partSize());
        upsert.setLong(4, upload.createdAt().toEpochMilli());
        return upsert.executeUpdate();
      }
    }));
  }

  @Override
  public void forget(String objectKey) throws DriveException {
    run(() -> database.transaction(connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM multipart_uploads WHERE object_key = ?")) {
        delete.setString(1, objectKey);
        return delete.executeUpdate();
      }
    }));
  }

  @Override
  public Set<String> uploadIds() throws DriveException {
    return run(() -> database.read(connection -> {
      Set<String> ids = new HashSet<>();
      try (Statement query = connection.createStatement();
          ResultSet rows = query.executeQuery("SELECT upload_id FROM multipart_uploads")) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    }));
  }

  private interface Query<T> {
    T run() throws SQLException;
  }

  /** The database failing is no reason to give the upload up: it is tried again later. */
  private static <T> T run(Query<T> query) throws DriveException {
    try {
      return query.run();
    } catch (SQLException e) {
      throw new DriveException(DriveException.Kind.TRANSIENT,
          "callrec could not keep track of an upload in its database: " + e.getMessage(), e);
    }
  }
}
