import { describe, expect, it } from 'vitest';
import { isAgentsPath, redactJsonBody, redactSecrets } from './redact-secrets.ts';

describe('redactSecrets', () => {
  it('removes secret settings at any depth and keeps the rest', () => {
    const page = {
      data: [
        {
          agentId: 'agent_1',
          agentName: 'Support',
          webhookSecret: 'whsec_123',
          settings: { voice: 'alloy', apiKey: 'k', nested: [{ authToken: 't', language: 'en' }] },
        },
      ],
      page: 0,
    };
    expect(redactSecrets(page)).toEqual({
      data: [
        {
          agentId: 'agent_1',
          agentName: 'Support',
          settings: { voice: 'alloy', nested: [{ language: 'en' }] },
        },
      ],
      page: 0,
    });
  });

  it('leaves a body that is not JSON as it came', () => {
    const body = Buffer.from('{"data": [');
    expect(redactJsonBody(body)).toBe(body);
  });

  it('applies to the agents endpoints only', () => {
    expect(isAgentsPath('/v1/agents')).toBe(true);
    expect(isAgentsPath('/v1/agents/agent_1')).toBe(true);
    expect(isAgentsPath('/v1/batch-runs')).toBe(false);
  });
});
