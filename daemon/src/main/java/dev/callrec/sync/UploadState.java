package dev.callrec.sync;

/** Where an upload stands. */
public enum UploadState {
  WAITING, UPLOADING, DONE, FAILED
}
