-- Signatures of requests already served: a captured request replayed within Slack's five-minute window is refused.
CREATE TABLE seen_request_signatures (
  signature  text PRIMARY KEY,
  seen_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX seen_request_signatures_age ON seen_request_signatures (seen_at);
