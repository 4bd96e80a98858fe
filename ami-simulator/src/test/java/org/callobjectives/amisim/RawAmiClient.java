package org.callobjectives.amisim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bare socket client for protocol-level assertions the real library would hide. */
final class RawAmiClient implements AutoCloseable {
  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;
  private final String banner;

  RawAmiClient(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(5_000); // a missing answer fails the test instead of hanging it
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    out = socket.getOutputStream();
    banner = in.readLine();
  }

  String banner() {
    return banner;
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  void send(String... lines) throws IOException {
    StringBuilder packet = new StringBuilder();
    for (String line : lines) {
      packet.append(line).append("\r\n");
    }
    sendRaw(packet.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Reads one packet; null at end of stream. */
  Map<String, String> read() throws IOException {
    Map<String, String> packet = new LinkedHashMap<>();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        if (!packet.isEmpty()) {
          return packet;
        }
        continue;
      }
      int colon = line.indexOf(':');
      packet.put(
          colon < 0 ? line : line.substring(0, colon),
          colon < 0 ? "" : line.substring(colon + 1).trim());
    }
    return packet.isEmpty() ? null : packet;
  }

  void loginPlain(String user, String secret) throws IOException {
    send("Action: Login", "ActionID: login-1", "Username: " + user, "Secret: " + secret);
    Map<String, String> reply = read();
    if (reply == null || !"Success".equals(reply.get("Response"))) {
      throw new IOException("login failed: " + reply);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
