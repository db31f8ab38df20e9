import { reviewDestination, reviewExternalId, reviewMetadata, STATUS_REVIEW, statusReviewNotice, statusReviewView } from '../../../src/slack/views/status-review';

type ViewJson = { callback_id?: string; private_metadata?: string; external_id?: string; submit?: unknown; close?: unknown; blocks: unknown[] };
const json = (view: unknown) => view as ViewJson;

const meta = { draftKey: 'd3f1', incidentId: 7, channelId: 'C0INC' };
type Block = { type: string; text?: { text: string } };

describe('the customer review modal', () => {
  it('shows the rendered text with a Post to channels button, Back to the form, and the draft in private_metadata', () => {
    const view = json(statusReviewView(meta, '*Checkout: Identified*\nWe are currently experiencing issues.', '<#C0INC> and <#C0ANN>'));
    expect(view.callback_id).toBe(STATUS_REVIEW.callbackId);
    expect(view.submit).toMatchObject({ text: 'Post to channels' });
    expect(view.close).toMatchObject({ text: 'Back' });
    expect(view.external_id).toBe(reviewExternalId('d3f1'));
    expect(reviewMetadata.parse(JSON.parse(view.private_metadata ?? ''))).toEqual(meta);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('We are currently experiencing issues.');
    expect(text).toContain('post it in <#C0INC> and <#C0ANN>');
  });

  it('splits a long text into sections Slack accepts', () => {
    const long = Array.from({ length: 40 }, (_, i) => `${i} ${'x'.repeat(200)}`).join('\n');
    const sections = (statusReviewView(meta, long, 'x').blocks as Block[]).filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(3);
    for (const s of sections) expect(s.text!.text.length).toBeLessThanOrEqual(3000);
  });

  it('has no way to post while the text is being prepared or when it cannot be posted', () => {
    expect(json(statusReviewNotice(meta)).submit).toBeUndefined();
    expect(JSON.stringify(statusReviewNotice(meta, ':warning: INC-7 is resolved').blocks)).toContain('INC-7 is resolved');
  });

  it('names the incidents channel only for a public incident', () => {
    expect(reviewDestination({ isPrivate: false, channelId: 'C0INC', announcementChannelId: 'C0ANN' })).toBe('<#C0INC> and <#C0ANN>');
    expect(reviewDestination({ isPrivate: true, channelId: 'C0INC', announcementChannelId: 'C0ANN' })).toBe('<#C0INC>');
  });
});
