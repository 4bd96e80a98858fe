package org.callobjectives.bridge;

import java.util.Objects;
import org.callobjectives.protocol.ErrorMessage;

/**
 * The server refused a disposition for good (e.g. {@code invalid_disposition}, {@code
 * not_your_call}).
 */
public final class DispositionRejectedException extends RuntimeException {

  private final transient ErrorMessage error;

  public DispositionRejectedException(ErrorMessage error) {
    super(Objects.requireNonNull(error, "error").code() + ": " + error.message());
    this.error = error;
  }

  /** The server's reply, with its stable {@code code}. */
  public ErrorMessage error() {
    return error;
  }
}
