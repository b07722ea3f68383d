package dev.callrec.sync;

import java.net.URI;
import java.nio.file.Path;

/** Opens the Drive implementation a {@link DriveSpec} names. */
public final class Drives implements DriveFactory {
  /** The folder on every Drive that recordings go into ("My Drive / Recorded video calls"). */
  public static final String FOLDER = "Recorded video calls";

  private final SyncSettings settings;
  private final MultipartUploads multipart;

  /** {@code multipart}: where S3 Drives keep the uploads they have started, to continue them after a restart. */
  public Drives(SyncSettings settings, MultipartUploads multipart) {
    this.settings = settings;
    this.multipart = multipart;
  }

  @Override
  public Drive open(DriveSpec spec, String password) {
    return switch (spec.kind()) {
      case LOCAL_FOLDER -> new LocalFolderDrive(Path.of(spec.location()));
      case WEBDAV -> new WebDavDrive(URI.create(spec.location()), spec.user(), password.toCharArray(), FOLDER,
          settings.bytesPerSecond());
      case S3 -> new S3Drive(URI.create(spec.location()), spec.bucket(), spec.user(), password, multipart, settings);
    };
  }
}
