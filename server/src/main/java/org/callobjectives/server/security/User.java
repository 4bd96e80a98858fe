package org.callobjectives.server.security;

/** A supervisor or admin from server.yaml; the token is stored hashed. */
public record User(String name, Role role, String tokenHash) {
  @Override
  public String toString() {
    return "User[" + name + " " + role + "]";
  }
}
