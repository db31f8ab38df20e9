/** Action ids of the bot's buttons and menus, one place so listeners and builders agree. */
export const ACTIONS = {
  postUpdate: 'incident_post_update',
  triage: 'incident_triage',
  runbooks: 'incident_runbooks',
  resolve: 'incident_resolve',
  reopen: 'incident_reopen',
  publishCustomerUpdate: 'status_publish_customer',
  triagePick: 'triage_pick',
  triageDeclare: 'triage_declare',
  triageApplySeverity: 'triage_apply_severity',
  runbookPost: 'runbook_post',
  runbookStep: 'runbook_step',
  /** Prefix of each Run button's action id (`runbook_run_command:<command id>`), unique within a step. */
  runCommand: 'runbook_run_command',
  snoozeShort: 'reminder_snooze_short',
  snoozeLong: 'reminder_snooze_long',
  approveCommand: 'command_approve',
  denyCommand: 'command_deny',
} as const;
