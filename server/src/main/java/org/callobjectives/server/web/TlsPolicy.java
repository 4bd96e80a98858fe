package org.callobjectives.server.web;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * What https and wss accept: TLS 1.3 and 1.2, and on 1.2 only forward-secret (ECDHE) suites with an
 * AEAD cipher; no static-RSA key exchange, no CBC, no SHA-1 MACs.
 */
public final class TlsPolicy {
  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  static final List<String> CIPHERS =
      List.of(
          // TLS 1.3 (all are ECDHE or DHE with an AEAD)
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          // TLS 1.2, for ECDSA and RSA certificates
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  private TlsPolicy() {}

  /** The server's TLS from a PEM certificate chain and PKCS#8 key, held to this policy. */
  public static SslContext server(Path certificate, Path key) throws SSLException {
    return SslContextBuilder.forServer(certificate.toFile(), key.toFile())
        .protocols(PROTOCOLS)
        // Suites this Java lacks are left out rather than failing the start.
        .ciphers(CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
        .build();
  }
}
