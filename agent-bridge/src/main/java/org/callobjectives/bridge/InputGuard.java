package org.callobjectives.bridge;

import java.awt.AWTEvent;
import java.awt.Component;
import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.AWTEventListener;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.time.Duration;
import java.util.function.LongSupplier;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.text.JTextComponent;

/**
 * Keeps the agent's keys and clicks with the form they were meant for: tells whether the agent is
 * working in the window (so a new pop must not replace the form), and after the form changed under
 * the agent drops the keyboard focus and swallows keys and clicks for a moment. EDT only.
 */
final class InputGuard {

  /** A key or click in the window this recently means the agent is working in the form. */
  static final Duration EDITING = Duration.ofSeconds(3);

  /** Input right after the form changed was meant for the form before: swallowed this long. */
  static final Duration AFTER_SWITCH = Duration.ofSeconds(1);

  private final JFrame frame;
  private final JPanel glass = new JPanel();
  private final AWTEventListener watch;
  private final KeyEventDispatcher swallowKeys;
  private final Timer lift;
  private Duration editingWindow = EDITING;
  private Duration afterSwitch = AFTER_SWITCH;
  private LongSupplier nanoTime = System::nanoTime;
  private long lastInputNanos;
  private boolean anyInput;
  private long guardUntilNanos;
  private boolean guarding;

  InputGuard(JFrame frame) {
    this.frame = frame;
    glass.setOpaque(false);
    glass.setFocusable(false);
    // Catching the mouse here keeps presses and clicks from the components underneath.
    glass.addMouseListener(new MouseAdapter() {});
    frame.setGlassPane(glass);
    watch =
        event -> {
          int id = event.getID();
          if ((id == KeyEvent.KEY_PRESSED || id == MouseEvent.MOUSE_PRESSED)
              && inFrame(event.getSource())) {
            lastInputNanos = nanoTime.getAsLong();
            anyInput = true;
          }
        };
    Toolkit.getDefaultToolkit()
        .addAWTEventListener(watch, AWTEvent.KEY_EVENT_MASK | AWTEvent.MOUSE_EVENT_MASK);
    swallowKeys = e -> guarding() && inFrame(e.getComponent());
    KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(swallowKeys);
    // Polls rather than waits a fixed delay, so the glass stays exactly as long as the guard.
    lift =
        new Timer(
            100,
            e -> {
              if (!guarding()) {
                glass.setVisible(false);
                ((Timer) e.getSource()).stop();
              }
            });
  }

  /**
   * True while the agent's text cursor is in a field of the window or they just typed or clicked in
   * it.
   */
  boolean editing() {
    if (!frame.isVisible()) {
      return false;
    }
    Component owner = frame.getFocusOwner();
    if (owner instanceof JTextComponent t && t.isEditable() && t.isEnabled()) {
      return true;
    }
    return anyInput && nanoTime.getAsLong() - lastInputNanos < editingWindow.toNanos();
  }

  /** The form now shows another call: nothing typed or clicked in the next moment reaches it. */
  void formSwitched() {
    if (frame.getFocusOwner() != null) {
      // Keys typed after this go nowhere until the agent clicks into a field of the call they see.
      KeyboardFocusManager.getCurrentKeyboardFocusManager().clearFocusOwner();
    }
    guardUntilNanos = nanoTime.getAsLong() + afterSwitch.toNanos();
    guarding = true;
    glass.setVisible(true);
    lift.restart();
  }

  /** True while input is being swallowed after a switch. */
  boolean guarding() {
    if (guarding && nanoTime.getAsLong() - guardUntilNanos >= 0) {
      guarding = false;
    }
    return guarding;
  }

  /** Other durations (tests on a busy machine). */
  void times(Duration editing, Duration afterSwitch) {
    this.editingWindow = editing;
    this.afterSwitch = afterSwitch;
  }

  /** Another clock (tests on virtual time). */
  void clock(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  void dispose() {
    lift.stop();
    Toolkit.getDefaultToolkit().removeAWTEventListener(watch);
    KeyboardFocusManager.getCurrentKeyboardFocusManager().removeKeyEventDispatcher(swallowKeys);
  }

  /**
   * In the pop or in a window it owns (a combo box's list, a dialog); a key without a component
   * counts too.
   */
  private boolean inFrame(Object source) {
    if (source == null) {
      return KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusedWindow() == frame;
    }
    if (!(source instanceof Component c)) {
      return false;
    }
    for (Window w = c instanceof Window win ? win : SwingUtilities.getWindowAncestor(c);
        w != null;
        w = w.getOwner()) {
      if (w == frame) {
        return true;
      }
    }
    return false;
  }
}
