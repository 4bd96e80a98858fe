package org.callobjectives.server.config;

/** One Asterisk to listen to over AMI; the secret never appears in {@link #toString()}. */
public record AmiServer(String name, String host, int port, String username, String secret) {
  @Override
  public String toString() {
    return name + "=" + username + "@" + host + ":" + port + " (secret ****)";
  }
}
