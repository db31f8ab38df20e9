/** Action ids of the bot's buttons and menus, one place so listeners and builders agree. */
export const ACTIONS = {
  postUpdate: 'incident_post_update',
  triage: 'incident_triage',
  runbooks: 'incident_runbooks',
  resolve: 'incident_resolve',
  reopen: 'incident_reopen',
  publishCustomerUpdate: 'status_publish_customer',
} as const;
