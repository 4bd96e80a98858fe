package org.callobjectives.server.goals;

/**
 * A named working time of day in minutes since midnight; {@code end <= start} means it runs past
 * midnight.
 */
public record Shift(String name, int startMinute, int endMinute) {
  public int lengthMinutes() {
    return endMinute > startMinute ? endMinute - startMinute : endMinute + 1440 - startMinute;
  }

  /**
   * True when minute-of-day {@code m} belongs to the part of this shift that started the same day.
   */
  boolean startsSameDay(int m) {
    return endMinute > startMinute ? m >= startMinute && m < endMinute : m >= startMinute;
  }

  /**
   * True when minute-of-day {@code m} is the after-midnight tail of a shift that started the day
   * before.
   */
  boolean tailFromYesterday(int m) {
    return endMinute <= startMinute && m < endMinute;
  }
}
