import { z } from 'zod';

const userId = z.string({ error: 'expected a Slack user id' }).regex(/^[UW][A-Z0-9]{2,}$/, { error: 'expected a Slack user id such as U012AB3CD' });
const usergroupId = z.string({ error: 'expected a Slack user group id' }).regex(/^S[A-Z0-9]{2,}$/, {
  error: 'expected a Slack user group id such as S0614TZR7',
});
const expiryMessage = 'expected a whole number of minutes from 1 to 1440';
const minutes = z.number({ error: expiryMessage }).min(1, { error: expiryMessage }).max(1440, { error: expiryMessage }).refine(Number.isInteger, {
  error: expiryMessage,
});

/** What the `approvers:` section holds when it is left out: nobody may approve, so mitigations cannot run. */
export const APPROVER_DEFAULTS = { users: [], usergroups: [], request_expiry_minutes: 15 };

/** The `approvers:` section: who may approve a mitigation someone else asked for, and how long a request waits. */
export const approversSection = z
  .strictObject({
    users: z.array(userId).default([]),
    usergroups: z.array(usergroupId).default([]),
    request_expiry_minutes: minutes.default(APPROVER_DEFAULTS.request_expiry_minutes),
  })
  .default(APPROVER_DEFAULTS);

export type ApproversConfig = z.output<typeof approversSection>;
