import { FaultPlan } from '../../../src/sandbox/faults';

describe('FaultPlan', () => {
  it('serves queued failures in order, then nothing', () => {
    const plan = new FaultPlan();
    plan.rateLimit('chat.postMessage', { times: 1, retryAfterSeconds: 2 });
    plan.failNext('chat.postMessage', { times: 1, status: 503 });
    expect(plan.take('chat.postMessage')).toEqual({ kind: 'ratelimit', retryAfterSeconds: 2 });
    expect(plan.take('chat.postMessage')).toEqual({ kind: 'fail', status: 503, error: 'internal_error' });
    expect(plan.take('chat.postMessage')).toBeUndefined();
  });

  it('answers HTTP 200 with the error when only an error code is given', () => {
    const plan = new FaultPlan();
    plan.failNext('views.open', { times: 2, error: 'fatal_error' });
    expect(plan.take('views.open')).toEqual({ kind: 'fail', status: 200, error: 'fatal_error' });
    expect(plan.take('views.open')).toEqual({ kind: 'fail', status: 200, error: 'fatal_error' });
  });

  it("applies '*' failures to any method", () => {
    const plan = new FaultPlan();
    plan.failNext('*', { times: 1 });
    expect(plan.take('users.info')).toEqual({ kind: 'fail', status: 500, error: 'internal_error' });
    expect(plan.take('users.info')).toBeUndefined();
  });
});
