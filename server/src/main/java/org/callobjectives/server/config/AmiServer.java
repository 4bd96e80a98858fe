package org.callobjectives.server.config;

/**
 * One Asterisk to listen to over AMI; the secret never appears in {@link #toString()}. {@code
 * pingSeconds}: how often we ping; a logged-in link that hears no event and no answer to its pings
 * for two intervals, or whose current line has been arriving for one (at most 5 s), is dropped as
 * stalled and reconnected; one that is quite silent for three is lost (the socket's read timeout).
 */
public record AmiServer(
    String name, String host, int port, String username, String secret, int pingSeconds) {
  public static final int DEFAULT_PING_SECONDS = 20;

  public AmiServer(String name, String host, int port, String username, String secret) {
    this(name, host, port, username, secret, DEFAULT_PING_SECONDS);
  }

  @Override
  public String toString() {
    return name + "=" + username + "@" + host + ":" + port + " (secret ****)";
  }
}
