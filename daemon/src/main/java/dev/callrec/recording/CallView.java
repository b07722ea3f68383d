package dev.callrec.recording;

/** What the user looks at in the chat app. A text chat is never recorded. */
public enum CallView {
  CALL, CHAT
}
