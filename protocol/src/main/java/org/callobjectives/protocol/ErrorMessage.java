package org.callobjectives.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A request the server could not accept; {@code code} is stable, {@code message} is for people.
 * {@code retryAfterMillis} (only with {@link #RATE_LIMITED} and {@link #QUOTA_EXCEEDED}, else left
 * out of the JSON) says how long to wait before sending that kind of message again.
 */
public record ErrorMessage(
    String code,
    String message,
    String requestId,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long retryAfterMillis)
    implements Message {

  public static final String BAD_REQUEST = "bad_request";
  public static final String UNAUTHORIZED = "unauthorized";
  public static final String NOT_YOUR_CALL = "not_your_call";
  public static final String UNKNOWN_CALL = "unknown_call";
  public static final String INVALID_DISPOSITION = "invalid_disposition";
  public static final String STORE_FAILED = "store_failed";

  /**
   * The agent sends this kind of message faster than any person would: nothing was stored; send it
   * again after {@code retryAfterMillis}. A client that goes on flooding is disconnected.
   */
  public static final String RATE_LIMITED = "rate_limited";

  /**
   * The agent holds as much of this kind as the server keeps per agent (e.g. open proposals):
   * nothing was stored; {@code retryAfterMillis} when the server knows when room frees up.
   */
  public static final String QUOTA_EXCEEDED = "quota_exceeded";

  /** Without a retry hint: every error but {@link #RATE_LIMITED} and {@link #QUOTA_EXCEEDED}. */
  public ErrorMessage(String code, String message, String requestId) {
    this(code, message, requestId, null);
  }

  /**
   * Whether a request refused with {@code code} was not taken but may be sent again unchanged later
   * (the server's store failed, or the client was too fast): a client keeps such a disposition and
   * sends it again; every other code with a request id refuses that request for good.
   */
  public static boolean sendAgainLater(String code) {
    return STORE_FAILED.equals(code) || RATE_LIMITED.equals(code);
  }
}
