package org.callobjectives.bridge;

import java.awt.Point;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;

/**
 * What the Swing tests under Xvfb share: running on the event thread and clicking like a person.
 */
final class SwingTesting {
  private SwingTesting() {}

  /**
   * Runs {@code c} on the event dispatch thread and returns its result (or throws its exception).
   */
  static <T> T onEdt(Callable<T> c) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            result.set(c.call());
          } catch (Exception e) {
            failure.set(e);
          }
        });
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }

  /** Moves, lets X deliver the motion, then clicks. */
  static void press(Robot robot, Point p) throws InterruptedException {
    robot.mouseMove(p.x, p.y);
    robot.waitForIdle();
    Thread.sleep(100);
    robot.mouseMove(p.x, p.y);
    robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
    Thread.sleep(30);
    robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
    robot.waitForIdle();
  }
}
