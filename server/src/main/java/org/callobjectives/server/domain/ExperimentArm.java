package org.callobjectives.server.domain;

/** The experiment a call took part in and the caller's variant, as stored on the call's row. */
public record ExperimentArm(String experimentId, String variant) {}
