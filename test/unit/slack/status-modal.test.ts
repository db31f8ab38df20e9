import { loadIncidentConfig } from '../../../src/config/load';
import type { Incident, StatusUpdate } from '../../../src/domain/incident';
import { flattenState, validateState } from '../../../src/slack/views/state';
import { cadenceOf, STATUS_MODAL, statusMetadata, statusModal, statusPrefill, statusSubmission, type StatusMetadata } from '../../../src/slack/views/status-modal';

type ViewJson = { callback_id?: string; private_metadata?: string; external_id?: string; submit?: unknown; close?: unknown; blocks: unknown[] };
const json = (view: unknown) => view as ViewJson;

const config = loadIncidentConfig('incident.config.yml');

const incident = (o: Partial<Incident> = {}): Incident => ({
  id: 7, title: 'Checkout <!here> 5xx', description: null, severity: 'SEV-1', status: 'Investigating', isPrivate: false, symptom: null,
  channelId: 'C0INC', channelName: 'inc-x', headerTs: '1.1', announcementChannelId: 'C0ANN', announcementTs: '1.2', declaredBy: 'U0ANA',
  declaredAt: new Date('2026-11-22T03:00:00Z'), detectedAt: null, mitigatedAt: null, resolvedAt: null, resolution: null, roles: {}, ...o,
});

const update = (o: Partial<StatusUpdate> = {}): StatusUpdate => ({
  id: 1, incidentId: 7, status: 'Identified', impact: 'EU checkout fails', currentActions: 'Roll back\nWatch errors', nextUpdateMinutes: 10,
  audience: 'internal', postedBy: 'U0ANA', postedAt: new Date('2026-11-22T03:10:00Z'), ...o,
});

type Block = { block_id?: string; optional?: boolean; element?: Record<string, unknown>; text?: { text: string } };
const block = (view: { blocks: unknown[] }, id: string) => (view.blocks as Block[]).find((b) => b.block_id === id)!;

const meta: StatusMetadata = { incidentId: 7, channelId: 'C0INC', severity: 'SEV-1', cadence: 15 };
const submit = (values: Record<string, string | null>, m = meta) =>
  validateState(statusSubmission(config, m), flattenState(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: { type: 'x', value: v } }]))));
const good = { status: 'Identified', impact: ' EU checkout fails ', current_actions: '- Roll back\n\n * Watch errors ', next_update: '20', audience: 'internal' };

describe('statusPrefill', () => {
  it('starts a first update at the incident status, empty, with the severity’s cadence, for internal readers', () => {
    expect(statusPrefill(config, incident(), undefined)).toEqual({ status: 'Investigating', impact: '', currentActions: '', nextUpdateMinutes: 15, audience: 'internal' });
  });

  it('carries over the last update, but never suggests waiting longer than the cadence', () => {
    expect(statusPrefill(config, incident({ status: 'Identified' }), update({ audience: 'customer' }))).toEqual({
      status: 'Identified', impact: 'EU checkout fails', currentActions: 'Roll back\nWatch errors', nextUpdateMinutes: 10, audience: 'customer',
    });
    expect(statusPrefill(config, incident(), update({ nextUpdateMinutes: 60 })).nextUpdateMinutes).toBe(15);
  });

  it('never prefills Resolved (after a reopen) and leaves the next update empty without a cadence', () => {
    const reopened = statusPrefill(config, incident({ status: 'Resolved', severity: 'SEV-3' }), update({ status: 'Resolved', nextUpdateMinutes: null }));
    expect(reopened.status).toBe('Investigating');
    expect(reopened.nextUpdateMinutes).toBeNull();
  });
});

describe('cadenceOf', () => {
  it('reads the severity’s cadence in whole minutes, null when it has none', () => {
    expect(cadenceOf(config, { severity: 'SEV-2' })).toBe(30);
    expect(cadenceOf(config, { severity: 'SEV-3' })).toBeNull();
    const odd = { ...config, severities: config.severities.map((s) => ({ ...s, update_every_minutes: 7.6 })) };
    expect(cadenceOf(odd, { severity: 'SEV-1' })).toBe(8);
  });
});

describe('statusModal', () => {
  it('offers the config’s statuses, prefilled, with the incident in private_metadata and its title escaped', () => {
    const view = json(statusModal(config, incident(), statusPrefill(config, incident(), update())));
    expect(view.callback_id).toBe(STATUS_MODAL.callbackId);
    expect(statusMetadata.parse(JSON.parse(view.private_metadata ?? ''))).toEqual(meta);
    const status = block(view, 'status').element!;
    expect((status.options as { value: string }[]).map((o) => o.value)).toEqual(['Investigating', 'Identified', 'Monitoring', 'Resolved']);
    expect(status.initial_option).toMatchObject({ value: 'Investigating' });
    expect(block(view, 'impact').element).toMatchObject({ multiline: true, max_length: 3000, initial_value: 'EU checkout fails' });
    expect(block(view, 'next_update').element).toMatchObject({ type: 'number_input', initial_value: '10', min_value: '1', max_value: '1440' });
    expect(block(view, 'next_update').optional).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain('Checkout &lt;!here&gt; 5xx');
    expect(JSON.stringify(view.blocks)).not.toContain('<!here>');
  });

  it('makes the next update optional, with no initial value, for a severity without a cadence', () => {
    const sev3 = incident({ severity: 'SEV-3' });
    const view = json(statusModal(config, sev3, statusPrefill(config, sev3, undefined)));
    expect(block(view, 'next_update').optional).toBe(true);
    expect(block(view, 'next_update').element!.initial_value).toBeUndefined();
    expect(JSON.stringify(view)).toContain('SEV-3 has no update cadence');
  });
});

describe('statusSubmission', () => {
  it('accepts a good update, trimming the impact and putting one action per line', () => {
    expect(submit(good)).toEqual({ ok: true, value: { ...good, impact: 'EU checkout fails', current_actions: 'Roll back\nWatch errors', next_update: 20 } });
  });

  it('reports each wrong field on its own block', () => {
    const result = submit({ status: null, impact: '', current_actions: ' - ', next_update: '0', audience: null });
    expect(result.ok).toBe(false);
    const errors = (result as { errors: Record<string, string> }).errors;
    expect(errors).toEqual({
      status: 'Pick a status.',
      impact: 'Describe the impact: who is affected, and how.',
      current_actions: 'List what is being done right now, one action per line.',
      next_update: 'Give the next update as a whole number of minutes from 1 to 1440 (1440 is a day).',
      audience: 'Pick who this update is for.',
    });
  });

  it('refuses Resolved and points to /incident resolve', () => {
    expect(submit({ ...good, status: 'Resolved' })).toEqual({ ok: false, errors: { status: expect.stringContaining('use `/incident resolve`') } });
  });

  it('refuses an impact over 3,000 characters and a next update over a day or with decimals', () => {
    expect(submit({ ...good, impact: 'x'.repeat(3001) })).toEqual({ ok: false, errors: { impact: expect.stringContaining('3000 characters') } });
    expect(submit({ ...good, next_update: '1441' }).ok).toBe(false);
    expect(submit({ ...good, next_update: '2.5' }).ok).toBe(false);
    expect(submit({ ...good, next_update: '1440' }).ok).toBe(true);
  });

  it('needs a next update when the severity has a cadence, and accepts none without one', () => {
    expect(submit({ ...good, next_update: null })).toEqual({ ok: false, errors: { next_update: expect.stringContaining('SEV-1 expects an update every 15 minutes') } });
    expect(submit({ ...good, next_update: null }, { ...meta, severity: 'SEV-3', cadence: null })).toMatchObject({ ok: true, value: { next_update: null } });
  });
});
