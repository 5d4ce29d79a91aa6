/**
 * The identity provider for the sign-in specs (started by playwright.config.ts): a real
 * OpenID Connect provider on OIDC_PORT (server/auth/testing/mock-provider.ts), and on
 * OIDC_CONTROL_PORT `POST /identity?email=…&verified=true|false|unset` sets who signs in next.
 * With `EMAIL_IN=userinfo` (and PROVIDER_PORT, PROVIDER_CONTROL_PORT) it is the second set-up:
 * `email` only from the userinfo endpoint.
 */
import { createServer } from 'node:http';
import { startMockProvider } from '../../server/auth/testing/mock-provider.ts';
import { OIDC_CONTROL_PORT, OIDC_PORT } from '../upstream/ports';

const port = Number(process.env.PROVIDER_PORT ?? OIDC_PORT);
const controlPort = Number(process.env.PROVIDER_CONTROL_PORT ?? OIDC_CONTROL_PORT);
const provider = await startMockProvider(port, {
  emailIn: process.env.EMAIL_IN === 'userinfo' ? 'userinfo' : 'id_token',
});

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://control');
  if (req.method === 'POST' && url.pathname === '/identity') {
    const verified = url.searchParams.get('verified');
    provider.signInAs(
      url.searchParams.get('email'),
      verified === 'unset' ? undefined : verified !== 'false',
    );
    res.writeHead(204).end();
    return;
  }
  res.writeHead(url.pathname === '/health' ? 200 : 404).end(url.pathname === '/health' ? 'ok' : '');
}).listen(controlPort, '127.0.0.1', () => {
  console.log(`OIDC provider ${provider.issuer}; control on ${controlPort}`);
});
