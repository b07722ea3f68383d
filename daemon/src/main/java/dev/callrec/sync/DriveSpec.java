package dev.callrec.sync;

/**
 * The Drive the user connected, as it is kept between runs: its kind, where it is, and the user name (for S3,
 * the access key id), and for S3 the bucket and where in it recordings go. The password (the secret access
 * key) is kept apart, in the secrets file.
 */
public record DriveSpec(Kind kind, String location, String user, S3Bucket bucket) {

  public DriveSpec(Kind kind, String location, String user) {
    this(kind, location, user, null);
  }

  public DriveSpec {
    if ((kind == Kind.S3) != (bucket != null)) {
      throw new IllegalArgumentException("An S3 Drive, and only an S3 Drive, names a bucket");
    }
  }

  public enum Kind {
    LOCAL_FOLDER, WEBDAV, S3
  }
}
