package org.callobjectives.protocol;

/** A frame that is not a valid message: bad JSON, unknown type, wrong field types. */
public final class MalformedMessageException extends Exception {
  public MalformedMessageException(String message) {
    super(message);
  }
}
