import { z } from 'zod';

const whole = (min: number, max: number, what: string) => {
  const message = `expected a whole number of ${what} from ${min} to ${max}`;
  // Not .int(): its failure stops the config's cross-field checks from running (see schema.ts).
  return z.number({ error: message }).min(min, { error: message }).max(max, { error: message }).refine(Number.isInteger, { error: message });
};

const EMOJI_ERROR = 'expected an emoji name such as ballot_box_with_check (without colons), or null for none';
const emojiName = z
  .string({ error: EMOJI_ERROR })
  .transform((name) => name.trim().replace(/^:|:$/g, ''))
  .pipe(z.string().regex(/^[a-z0-9_+'-]{1,100}$/, { error: EMOJI_ERROR }))
  .nullable();

/** What the `postmortem:` section holds when it is left out. */
export const POSTMORTEM_DEFAULTS = {
  action_reaction: 'ballot_box_with_check',
  chatter_run_max: 6,
  thread_replies_max: 3,
} as const;

/** The `postmortem:` section of incident.config.yml: how the draft is assembled from the timeline. */
export const postmortemSection = z
  .strictObject({
    action_reaction: emojiName.default(POSTMORTEM_DEFAULTS.action_reaction),
    chatter_run_max: whole(1, 100, 'messages').default(POSTMORTEM_DEFAULTS.chatter_run_max),
    thread_replies_max: whole(0, 50, 'replies').default(POSTMORTEM_DEFAULTS.thread_replies_max),
  })
  .default(POSTMORTEM_DEFAULTS);

export type PostmortemConfig = z.output<typeof postmortemSection>;
