package org.callobjectives.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a plain socket, from a chosen loopback address (all of 127/8 is
 * this machine): what a browser or an attacker sends, byte for byte.
 */
public final class RawHttp {
  private RawHttp() {}

  /** A response as read: status, headers (lower-case names, last value wins), body. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** A socket from {@code from} to the server on 127.0.0.1:{@code port}. */
  public static Socket connect(String from, int port) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
    s.setSoTimeout(10_000);
    return s;
  }

  /** Sends {@code request} from {@code from} and reads the response (the server closes after). */
  public static Response send(String from, int port, String request) throws IOException {
    try (Socket s = connect(from, port)) {
      s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      s.getOutputStream().flush();
      return read(s.getInputStream());
    }
  }

  /** A POST of a form, with the extra header lines given ("Origin: ...\r\n"). */
  public static String form(int port, String path, String body, String extraHeaders) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1:"
        + port
        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
        + b.length
        + "\r\nConnection: close\r\n"
        + extraHeaders
        + "\r\n"
        + body;
  }

  /** Reads one response: status line, headers, then the body by Content-Length (or to the end). */
  public static Response read(InputStream in) throws IOException {
    String head = readHead(in);
    if (head.isEmpty()) {
      throw new IOException("connection closed before any response");
    }
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    String length = headers.get("content-length");
    byte[] body;
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else {
      body = in.readAllBytes();
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int c;
    while (matched < 4 && (c = in.read()) >= 0) {
      out.write(c);
      matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }
}
