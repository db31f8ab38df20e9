import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signSlackRequest, signatureHeaders } from '../../../src/sandbox/signing';

const vector = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/slack/signing/signature_test_vector.json'), 'utf8'),
) as { signing_secret: string; x_slack_request_timestamp: string; raw_body: string; expected_x_slack_signature: string };

describe('signSlackRequest', () => {
  it("reproduces Slack's documented signature for the known-answer vector", () => {
    const signature = signSlackRequest(vector.signing_secret, Number(vector.x_slack_request_timestamp), vector.raw_body);
    expect(signature).toBe(vector.expected_x_slack_signature);
  });

  it('changes when a single byte of the body changes', () => {
    const tampered = signSlackRequest(vector.signing_secret, Number(vector.x_slack_request_timestamp), `${vector.raw_body} `);
    expect(tampered).not.toBe(vector.expected_x_slack_signature);
  });
});

describe('signatureHeaders', () => {
  it('puts the timestamp it signed with in X-Slack-Request-Timestamp', () => {
    const headers = signatureHeaders(vector.signing_secret, vector.raw_body, Number(vector.x_slack_request_timestamp));
    expect(headers).toEqual({
      'X-Slack-Request-Timestamp': vector.x_slack_request_timestamp,
      'X-Slack-Signature': vector.expected_x_slack_signature,
    });
  });

  it('uses the current time when no timestamp is given', () => {
    const headers = signatureHeaders('secret', 'body');
    expect(Math.abs(Number(headers['X-Slack-Request-Timestamp']) - Date.now() / 1000)).toBeLessThan(5);
  });
});
