package org.callobjectives.server.store;

import org.callobjectives.protocol.DispositionSubmit;

/**
 * The disposition as committed; {@code duplicate} when it was already there (the first one wins).
 */
public record SavedDisposition(DispositionSubmit stored, boolean duplicate, boolean late) {}
