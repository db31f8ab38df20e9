import type { App, Receiver, ReceiverEvent } from '@slack/bolt';

/** Called just before an answer to a command or interaction goes back to Slack, with that answer. Must not throw. */
export type BeforeAnswer = (event: ReceiverEvent, answer: unknown) => Promise<void>;

/** True for an Events API delivery (as opposed to a slash command, an interaction or a view submission). */
export function isEventDelivery(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'event_callback';
}

/**
 * Bolt acks an Events API delivery before any middleware runs, so an event whose processing fails, or whose
 * process dies, is lost: Slack saw a 200 and never retries. Wrapped here, an event is answered only once its
 * listeners have finished; when they fail, the delivery fails (the receiver answers 500, or never answers if the
 * process died) and Slack's retry brings the event back to whichever replica answers, deduplicated by event id.
 * Commands and interactions are still acked when their listener says so, after `beforeAnswer`.
 */
export function ackEventsAfterProcessing<R extends Receiver>(receiver: R, beforeAnswer: BeforeAnswer): R {
  const init = receiver.init.bind(receiver);
  receiver.init = (app: App) => {
    const deliver = (event: ReceiverEvent) => (isEventDelivery(event.body) ? processEventThenAck(app, event) : processWithHook(app, event, beforeAnswer));
    return init(new Proxy(app, { get: (target, key) => (key === 'processEvent' ? deliver : Reflect.get(target, key, target)) }));
  };
  return receiver;
}

function processWithHook(app: App, event: ReceiverEvent, beforeAnswer: BeforeAnswer): Promise<void> {
  const ack = event.ack;
  return app.processEvent({
    ...event,
    ack: async (response) => {
      await beforeAnswer(event, response);
      await ack(response);
    },
  });
}

async function processEventThenAck(app: App, event: ReceiverEvent): Promise<void> {
  let response: Parameters<ReceiverEvent['ack']>[0];
  // Bolt calls this ack before the middleware runs; the answer is only kept until the listeners are done.
  await app.processEvent({ ...event, ack: async (r) => void (response = r) });
  try {
    await event.ack(response);
  } catch {
    // Past Slack's 3 seconds the receiver has already answered (and Slack retries; the event id is then known).
  }
}
