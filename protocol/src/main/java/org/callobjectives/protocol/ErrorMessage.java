package org.callobjectives.protocol;

/** A request the server could not accept; {@code code} is stable, {@code message} is for people. */
public record ErrorMessage(String code, String message, String requestId) implements Message {

  public static final String BAD_REQUEST = "bad_request";
  public static final String UNAUTHORIZED = "unauthorized";
  public static final String NOT_YOUR_CALL = "not_your_call";
  public static final String UNKNOWN_CALL = "unknown_call";
  public static final String INVALID_DISPOSITION = "invalid_disposition";
  public static final String STORE_FAILED = "store_failed";
}
