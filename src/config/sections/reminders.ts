import { z } from 'zod';

const whole = (min: number, max: number, what: string) => {
  const message = `expected a whole number of ${what} from ${min} to ${max}`;
  // Not .int(): its failure stops the config's cross-field checks from running (see schema.ts).
  return z.number({ error: message }).min(min, { error: message }).max(max, { error: message }).refine(Number.isInteger, { error: message });
};

const timezone = z.string({ error: 'expected a time zone such as UTC or Europe/Berlin' }).refine(isTimeZone, {
  error: 'unknown time zone; use a name from the IANA list, such as UTC, Europe/Berlin or America/New_York',
});

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** What the `reminders:` section holds when it is left out. */
export const REMINDER_DEFAULTS = {
  tick_seconds: 5,
  grace_minutes: 5,
  commander_nudge_after_minutes: 10,
  max_attempts: 5,
  lease_seconds: 60,
  business_days_timezone: 'UTC',
} as const;

/** The `reminders:` section of incident.config.yml: how the timers behind reminders and escalation run. */
export const remindersSection = z
  .strictObject({
    tick_seconds: whole(1, 59, 'seconds').default(REMINDER_DEFAULTS.tick_seconds),
    grace_minutes: whole(1, 1440, 'minutes').default(REMINDER_DEFAULTS.grace_minutes),
    commander_nudge_after_minutes: whole(1, 1440, 'minutes').default(REMINDER_DEFAULTS.commander_nudge_after_minutes),
    max_attempts: whole(1, 50, 'attempts').default(REMINDER_DEFAULTS.max_attempts),
    lease_seconds: whole(2, 3600, 'seconds').default(REMINDER_DEFAULTS.lease_seconds),
    business_days_timezone: timezone.default(REMINDER_DEFAULTS.business_days_timezone),
  })
  .default(REMINDER_DEFAULTS);

export type RemindersConfig = z.output<typeof remindersSection>;
