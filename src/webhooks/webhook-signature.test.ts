import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook } from './webhook-signature.js';

describe('signWebhook', () => {
  it('matches the Standard Webhooks specification example', () => {
    // The known answer of standard-webhooks' spec (github.com/standard-webhooks/standard-webhooks, spec/standard-webhooks.md).
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    expect(signWebhook([secret], 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs with every secret given, separated by spaces', () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    const both = signWebhook([a, b], 'msg_x', 1, '{}').split(' ');
    expect(both).toEqual([signWebhook([a], 'msg_x', 1, '{}'), signWebhook([b], 'msg_x', 1, '{}')]);
  });

  it('makes whsec_ secrets of 24 random bytes', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(newWebhookSecret()).not.toBe(secret);
  });
});
