package dev.callrec.sync;

import static dev.callrec.sync.SyncTestFiles.namesIn;
import static dev.callrec.sync.SyncTestFiles.randomFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFolderDriveTest {
  private static final String NAME = "Team sync - Call 1 - Müller 2026-12-04.webm";

  @TempDir Path local;
  @TempDir Path driveRoot;
  private Path recording;
  private Path folder;
  private LocalFolderDrive drive;
  private final ProgressLog progress = new ProgressLog();

  @BeforeEach
  void setUp() throws IOException {
    recording = randomFile(local.resolve("recording.webm"), 3 * 1024 * 1024 + 17, 1);
    folder = driveRoot.resolve("Recorded video calls");
    drive = new LocalFolderDrive(driveRoot);
  }

  @Test
  void copiesIntoTheRecordingsFolderUnderItsName() throws Exception {
    Drive.Uploaded uploaded = drive.upload(recording, NAME, progress);

    assertThat(uploaded).isEqualTo(new Drive.Uploaded("Recorded video calls/" + NAME, Files.size(recording)));
    assertThat(Files.mismatch(recording, folder.resolve(NAME))).isEqualTo(-1);
    assertThat(namesIn(folder)).containsExactly(NAME);
    assertThat(Path.of(URI.create(drive.shareLink(uploaded)))).isEqualTo(folder.resolve(NAME));
    assertThat(drive.describe()).isEqualTo("the folder " + driveRoot);
    progress.assertEndsAt(Files.size(recording));
    assertThat(progress.size()).isGreaterThan(3);
  }

  @Test
  void uploadingAgainLeavesTheCopyAlone() throws Exception {
    drive.upload(recording, NAME, progress);
    Object copy = Files.readAttributes(folder.resolve(NAME), BasicFileAttributes.class).fileKey();
    progress.clear();

    Drive.Uploaded again = drive.upload(recording, NAME, progress);

    assertThat(again.size()).isEqualTo(Files.size(recording));
    assertThat(Files.readAttributes(folder.resolve(NAME), BasicFileAttributes.class).fileKey()).isEqualTo(copy);
    assertThat(namesIn(folder)).containsExactly(NAME);
    progress.assertEndsAt(Files.size(recording));
  }

  @Test
  void replacesWhatACrashedCopyLeftBehind() throws Exception {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("." + NAME + ".upload"), "half a recording");

    drive.upload(recording, NAME, progress);

    assertThat(Files.mismatch(recording, folder.resolve(NAME))).isEqualTo(-1);
    assertThat(namesIn(folder)).containsExactly(NAME);
  }

  @Test
  void neverReplacesADifferentFileOfTheSameName() throws Exception {
    Files.createDirectories(folder);
    Path other = randomFile(folder.resolve(NAME), (int) Files.size(recording), 2);
    byte[] before = Files.readAllBytes(other);

    assertThatThrownBy(() -> drive.upload(recording, NAME, progress))
        .isInstanceOfSatisfying(DriveException.class, e -> {
          assertThat(e.kind()).isEqualTo(DriveException.Kind.PERMANENT);
          assertThat(e.getMessage()).contains("A different file named \"" + NAME + "\"", folder.toString());
        });
    assertThat(Files.readAllBytes(other)).isEqualTo(before);
    assertThat(namesIn(folder)).containsExactly(NAME);
  }

  @Test
  void aRecordingNoLongerOnThisComputerIsPermanent() throws Exception {
    Files.delete(recording);

    assertThatThrownBy(() -> drive.upload(recording, NAME, progress))
        .isInstanceOfSatisfying(DriveException.class, e -> {
          assertThat(e.kind()).isEqualTo(DriveException.Kind.PERMANENT);
          assertThat(e.getMessage()).contains(recording.toString(), "is no longer on this computer");
        });
    assertThat(folder).doesNotExist();
  }

  @Test
  void aDriveFolderThatWentAwayIsNotCreatedAgain() throws Exception {
    Path gone = driveRoot.resolve("unplugged");
    LocalFolderDrive unplugged = new LocalFolderDrive(gone);

    assertThatThrownBy(() -> unplugged.upload(recording, NAME, progress))
        .isInstanceOfSatisfying(DriveException.class, e -> {
          assertThat(e.kind()).isEqualTo(DriveException.Kind.PERMANENT);
          assertThat(e.getMessage()).contains(gone.toString(), "is not there any more");
        });
    assertThatThrownBy(unplugged::check).isInstanceOf(DriveException.class);
    assertThat(gone).doesNotExist();
  }

  @Test
  void checkMakesTheRecordingsFolderAndLeavesNothingElse() throws Exception {
    drive.check();

    assertThat(folder).isDirectory();
    assertThat(namesIn(folder)).isEmpty();
  }

  @Test
  void copiesAnEmptyRecording() throws Exception {
    Path empty = Files.createFile(local.resolve("empty.webm"));

    drive.upload(empty, NAME, progress);

    assertThat(folder.resolve(NAME)).isEmptyFile();
    progress.assertEndsAt(0);
  }
}
