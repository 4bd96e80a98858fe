package org.callobjectives.server.store;

/**
 * A disposition that must not be stored; {@code code} is an {@link
 * org.callobjectives.protocol.ErrorMessage} code.
 */
public final class DispositionRejected extends Exception {
  private final String code;

  public DispositionRejected(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
