package org.callobjectives.protocol;

/** One quality checklist line; {@code kind} is compliance, quality or upsell. */
public record ChecklistItem(String id, String text, ChecklistKind kind, boolean required) {}
