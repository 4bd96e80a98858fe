package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.ServerSettings;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.testing.RawAgentSocket;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a certificate and key configured the server speaks only https and wss, with modern TLS only,
 * and tells browsers so (HSTS).
 */
class TlsTest {
  @TempDir Path dir;

  /**
   * A self-signed certificate for 127.0.0.1 made by keytool, as PEM files, and the server on it.
   */
  private record Served(ObjectivesServer server, int port, Certificate cert)
      implements AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }

  private Served serve(String keyAlgorithm) throws Exception {
    Path p12 = dir.resolve(keyAlgorithm + ".p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    List<String> args =
        new java.util.ArrayList<>(
            List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", keyAlgorithm));
    args.addAll(
        keyAlgorithm.equals("EC")
            ? List.of("-groupname", "secp256r1")
            : List.of("-keysize", "2048"));
    args.addAll(
        List.of(
            "-dname",
            "CN=127.0.0.1",
            "-ext",
            "SAN=IP:127.0.0.1,DNS:localhost",
            "-validity",
            "2",
            "-storetype",
            "PKCS12",
            "-keystore",
            p12.toString(),
            "-storepass",
            "changeit",
            "-keypass",
            "changeit"));
    Process kt = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out = new String(kt.getInputStream().readAllBytes());
    assertEquals(0, kt.waitFor(), out);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      ks.load(in, "changeit".toCharArray());
    }
    PrivateKey key = (PrivateKey) ks.getKey("server", "changeit".toCharArray());
    Certificate cert = ks.getCertificate("server");
    Path certPem = dir.resolve(keyAlgorithm + "-cert.pem");
    Path keyPem = dir.resolve(keyAlgorithm + "-key.pem");
    Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
    Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));

    Path db = dir.resolve(keyAlgorithm + ".db");
    Config base = TestServer.exampleConfig(db, Duration.ofMinutes(2));
    ServerSettings s = base.server();
    Config c =
        base.withServer(
            new ServerSettings(
                s.listenHost(),
                0,
                db,
                s.wrapUp(),
                List.of(),
                s.demo(),
                s.users(),
                new ServerSettings.Tls(certPem, keyPem)));
    ObjectivesServer server = new ObjectivesServer(c, Store.open(db), Clock.systemUTC(), List.of());
    return new Served(server, server.start(List.of()).getPort(), cert);
  }

  private static SSLContext trusting(Certificate cert) throws Exception {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", cert);
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }

  @Test
  void aSelfSignedCertificateServesHttpsAndWssAndRefusesPlainHttp() throws Exception {
    try (Served served = serve("EC")) {
      int port = served.port();
      HttpClient https =
          HttpClient.newBuilder()
              .sslContext(trusting(served.cert()))
              .connectTimeout(Duration.ofSeconds(5))
              .build();

      var res =
          https.send(
              HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, res.statusCode());

      try (RawAgentSocket ws =
          new RawAgentSocket(URI.create("wss://127.0.0.1:" + port + "/agent"), https)) {
        ws.send(new Hello("1001", "demo-1001", "test"));
        assertEquals("1001", ws.next(Welcome.class).agentId());
      }

      HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      assertThrows(
          java.io.IOException.class,
          () ->
              plain.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString()));
    }
  }

  @Test
  void onlyTls13AndTls12WithEcdheAndAeadAreAcceptedAndEveryHttpsAnswerSaysHsts() throws Exception {
    try (Served served = serve("RSA")) {
      SSLContext client = trusting(served.cert());
      for (String weak :
          new String[] {
            "TLS_RSA_WITH_AES_128_CBC_SHA", // static RSA key exchange, CBC, SHA-1
            "TLS_RSA_WITH_AES_128_GCM_SHA256", // static RSA key exchange
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", // CBC with SHA-1
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384" // CBC
          }) {
        assertThrows(
            SSLHandshakeException.class,
            () -> handshake(client, served.port(), "TLSv1.2", weak),
            weak + " must be refused");
      }
      assertEquals(
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          handshake(client, served.port(), "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
      assertEquals(
          "TLS_AES_128_GCM_SHA256",
          handshake(client, served.port(), "TLSv1.3", "TLS_AES_128_GCM_SHA256"));

      HttpClient https =
          HttpClient.newBuilder().sslContext(client).connectTimeout(Duration.ofSeconds(5)).build();
      for (String path : new String[] {"/health", "/login", "/no-such-page"}) {
        var res =
            https.send(
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + served.port() + path))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(
            "max-age=31536000",
            res.headers().firstValue("strict-transport-security").orElse(null),
            path);
      }
      var signIn =
          https.send(
              HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + served.port() + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("name=sam&token=demo-supervisor"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(303, signIn.statusCode());
      assertTrue(signIn.headers().firstValue("strict-transport-security").isPresent());
      assertTrue(
          signIn.headers().firstValue("set-cookie").orElse("").toLowerCase().contains("secure"));
    }
  }

  /** A TLS handshake offering one protocol and one suite only; the suite agreed. */
  private static String handshake(SSLContext ctx, int port, String protocol, String suite)
      throws Exception {
    try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
      s.setSoTimeout(5000);
      s.setEnabledProtocols(new String[] {protocol});
      s.setEnabledCipherSuites(new String[] {suite});
      s.startHandshake();
      return s.getSession().getCipherSuite();
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
