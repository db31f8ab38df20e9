-- What the bot answered to each request. A delivery of a request already answered gets the same answer and runs
-- nothing; a delivery whose process died before answering (answer still NULL) may be retried, by a load balancer
-- sending it to another replica, and is then served.
ALTER TABLE seen_request_signatures ADD COLUMN answer text;
UPDATE seen_request_signatures SET answer = '{}';
