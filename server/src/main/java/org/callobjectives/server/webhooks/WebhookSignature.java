package org.callobjectives.server.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook request: HMAC-SHA256 with the webhook's secret over the timestamp
 * header's value, a dot, and the raw body; sent as {@code sha256=<lowercase hex>}.
 */
public final class WebhookSignature {
  public static final String TIMESTAMP_HEADER = "X-CallObjectives-Timestamp";
  public static final String SIGNATURE_HEADER = "X-CallObjectives-Signature";
  public static final String EVENT_HEADER = "X-CallObjectives-Event";
  public static final String WEBHOOK_HEADER = "X-CallObjectives-Webhook";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private WebhookSignature() {}

  /** {@code sha256=<hex>} for a timestamp (Unix seconds, as sent) and a body. */
  public static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      mac.update(body);
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 not available", e);
    }
  }

  /**
   * What a receiver does: the signature matches (compared in constant time) and the timestamp is
   * within {@code toleranceSeconds} of {@code nowSeconds}.
   */
  public static boolean verify(
      String secret,
      String timestamp,
      String signature,
      byte[] body,
      long nowSeconds,
      long toleranceSeconds) {
    if (timestamp == null || signature == null) {
      return false;
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(nowSeconds - ts) > toleranceSeconds) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }
}
