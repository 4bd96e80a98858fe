package org.callobjectives.server.domain;

import java.util.concurrent.ThreadFactory;

/**
 * Named daemon threads: a stuck worker never keeps the JVM from exiting, and thread dumps say who
 * is who.
 */
public final class Threads {
  private Threads() {}

  public static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
