const dayMs = 24 * 60 * 60 * 1000;

/** When the first reminder of a series starting at `sentAt` is due; null when the firm sends none. */
export function firstReminderAt(sentAt: Date, reminderDays: readonly number[]): Date | null {
  const first = reminderDays[0];
  return first === undefined ? null : new Date(sentAt.getTime() + first * dayMs);
}

/**
 * When an invitation sent at `now` expires (INV-7): after the firm's lifetime, and never before the
 * last reminder — a day after it at the earliest, so the last reminder's link still works for a day.
 */
export function invitationExpiry(now: Date, lifetimeDays: number, reminderDays: readonly number[]): Date {
  const lastReminder = reminderDays.length > 0 ? Math.max(...reminderDays) : 0;
  return new Date(now.getTime() + Math.max(lifetimeDays, lastReminder + 1) * dayMs);
}
