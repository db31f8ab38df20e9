import { Blocks, Modal } from 'slack-block-builder';
import type { SlackViewDto } from 'slack-block-builder';
import { z } from 'zod';
import { textSections } from '../blocks/text-sections';

/** Ids of the customer-text review modal, shown on top of the status form before anything is posted. */
export const STATUS_REVIEW = {
  callbackId: 'status_customer_review',
  submit: 'Post to channels',
} as const;

export const reviewMetadata = z.object({ draftKey: z.string().min(1), incidentId: z.number().int(), channelId: z.string() });
export type ReviewMetadata = z.infer<typeof reviewMetadata>;

/** The review modal's external id, so it can be filled in once the text is rendered. */
export function reviewExternalId(draftKey: string): string {
  return `status-review-${draftKey}`;
}

function reviewModal(meta: ReviewMetadata, submit: boolean) {
  return Modal({
    title: 'Review customer text',
    close: 'Back',
    submit: submit ? STATUS_REVIEW.submit : undefined,
    callbackId: STATUS_REVIEW.callbackId,
    externalId: reviewExternalId(meta.draftKey),
  }).privateMetaData(JSON.stringify(meta));
}

export const PREPARING_REVIEW = ':hourglass_flowing_sand: Preparing the customer text for your review…';

/** The review without a way to post: while the text is rendered, or when it cannot be posted (the notice says why). */
export function statusReviewNotice(meta: ReviewMetadata, notice = PREPARING_REVIEW): SlackViewDto {
  return reviewModal(meta, false).blocks(Blocks.Section({ text: notice })).buildToObject();
}

/** The rendered customer text, to check before it is posted to `where` (e.g. "the incident channel and <#C1>"). */
export function statusReviewView(meta: ReviewMetadata, text: string, where: string): SlackViewDto {
  return reviewModal(meta, true)
    .blocks(
      Blocks.Section({ text: `*This is what customers will read.* Check it, then press *${STATUS_REVIEW.submit}* to post it in ${where}.` }),
      Blocks.Divider(),
      ...textSections(text),
      Blocks.Divider(),
      Blocks.Context().elements('Nothing is posted until you press the button. *Back* returns to the form with everything you typed.'),
    )
    .buildToObject();
}

/** Where a review's text goes, in words for the review modal. */
export function reviewDestination(incident: { isPrivate: boolean; channelId: string | null; announcementChannelId: string | null }): string {
  const here = incident.channelId ? `<#${incident.channelId}>` : 'the incident channel';
  return incident.isPrivate || !incident.announcementChannelId ? here : `${here} and <#${incident.announcementChannelId}>`;
}
