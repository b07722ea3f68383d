package dev.callrec.tray;

import dorkbox.systemTray.Checkbox;
import dorkbox.systemTray.Menu;
import dorkbox.systemTray.MenuItem;
import dorkbox.systemTray.Separator;
import dorkbox.systemTray.SystemTray;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray icon and its menu, refreshed once a second from {@link TrayActions#state()}. Menu actions run on a
 * thread of their own, never on the tray's UI thread. Every item has a mnemonic, so the menu also works from
 * the keyboard.
 */
final class DesktopTray implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DesktopTray.class);

  private final SystemTray tray;
  private final TrayActions actions;
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "tray");
    thread.setDaemon(true);
    return thread;
  });
  private final MenuItem status = new MenuItem("callrec");
  private final MenuItem stop = new MenuItem("Stop recording");
  private final MenuItem uploads = new MenuItem("All recordings synced");
  private final MenuItem pauseOrResume = new MenuItem("Pause uploads");
  private final Checkbox startAtLogin = new Checkbox("Start at login");
  private final List<MenuItem> shareItems = new ArrayList<>();
  private TrayState shown;

  private DesktopTray(SystemTray tray, TrayActions actions) {
    this.tray = tray;
    this.actions = actions;
  }

  static DesktopTray show(SystemTray tray, TrayActions actions) {
    DesktopTray desktopTray = new DesktopTray(tray, actions);
    desktopTray.build();
    desktopTray.worker.scheduleWithFixedDelay(desktopTray::refresh, 0, 1, TimeUnit.SECONDS);
    return desktopTray;
  }

  private void build() {
    tray.setImage(TrayIcons.idle());
    Menu menu = tray.getMenu();
    status.setEnabled(false);
    menu.add(status);
    MenuItem open = new MenuItem("Open recordings folder", event -> run(actions::openRecordingsFolder));
    open.setShortcut('o');
    menu.add(open);
    stop.setCallback(event -> run(actions::stopRecordings));
    stop.setShortcut('s');
    stop.setEnabled(false);
    menu.add(stop);
    uploads.setEnabled(false);
    menu.add(uploads);
    pauseOrResume.setCallback(event -> run(() -> {
      if (shown != null && shown.uploadsPaused()) {
        actions.resumeUploads();
      } else {
        actions.pauseUploads();
      }
    }));
    pauseOrResume.setShortcut('p');
    menu.add(pauseOrResume);
    menu.add(new Separator());
    startAtLogin.setChecked(actions.startsAtLogin());
    startAtLogin.setCallback(event -> run(() -> actions.setStartsAtLogin(startAtLogin.getChecked())));
    startAtLogin.setShortcut('l');
    menu.add(startAtLogin);
    MenuItem quit = new MenuItem("Quit", event -> run(actions::quit));
    quit.setShortcut('q');
    menu.add(quit);
  }

  private void refresh() {
    try {
      TrayState state = actions.state();
      if (state.equals(shown)) {
        return;
      }
      tray.setTooltip(state.statusLine());
      status.setText(state.statusLine());
      if (shown == null || shown.recording() != state.recording()) {
        tray.setImage(state.recording() ? TrayIcons.recording() : TrayIcons.idle());
        stop.setEnabled(state.recording());
      }
      uploads.setText(state.uploadsLine());
      pauseOrResume.setText(state.uploadsPaused() ? "Resume uploads" : "Pause uploads");
      if (shown == null || !shown.shareQuestions().equals(state.shareQuestions())) {
        showShareQuestions(state.shareQuestions());
      }
      shown = state;
    } catch (RuntimeException e) {
      log.warn("Could not refresh the tray", e);
    }
  }

  /** The share prompts sit after "Pause uploads", one item each. */
  private void showShareQuestions(List<TrayState.ShareQuestion> questions) {
    Menu menu = tray.getMenu();
    shareItems.forEach(menu::remove);
    shareItems.clear();
    int index = menu.getEntries().indexOf(pauseOrResume) + 1;
    for (TrayState.ShareQuestion question : questions) {
      MenuItem item = new MenuItem(TrayState.shareItem(question), event -> run(() -> actions.share(question.promptId())));
      menu.add(item, index + shareItems.size());
      shareItems.add(item);
    }
  }

  private void run(Runnable action) {
    worker.execute(() -> {
      try {
        action.run();
      } catch (RuntimeException e) {
        log.warn("A tray action failed", e);
      }
      refresh();
    });
  }

  @Override
  public void close() {
    worker.shutdownNow();
    tray.shutdown();
  }
}
