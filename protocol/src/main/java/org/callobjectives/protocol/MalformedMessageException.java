package org.callobjectives.protocol;

/**
 * A frame that is not a valid message: bad JSON, unknown type, wrong field types. {@code
 * requestId}: the frame's own request id when it could still be read, so the sender can tell which
 * of its messages failed.
 */
public final class MalformedMessageException extends Exception {
  private final String requestId;

  public MalformedMessageException(String message) {
    this(message, null);
  }

  public MalformedMessageException(String message, String requestId) {
    super(message);
    this.requestId = requestId;
  }

  public String requestId() {
    return requestId;
  }
}
