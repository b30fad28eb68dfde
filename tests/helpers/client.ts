import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { testPassword } from './factories';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A logged-in browser, as far as the API can tell: session cookie plus CSRF header on writes. */
export interface Client {
  cookie: string;
  csrfToken: string;
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export function sessionCookieFrom(setCookie: string | string[] | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const c = all.find((s) => s.startsWith('jb_session='));
  if (!c) throw new Error('no session cookie was set');
  return c.split(';')[0]!;
}

export function clientFor(app: FastifyInstance, cookie: string, csrfToken: string): Client {
  return {
    cookie,
    csrfToken,
    request(method, url, body, headers = {}) {
      const opts: InjectOptions = {
        method,
        url,
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }), ...headers },
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      };
      return app.inject(opts);
    },
  };
}

export async function logIn(app: FastifyInstance, email: string, password = testPassword): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  expect(res.statusCode, res.body).toBe(200);
  return clientFor(app, sessionCookieFrom(res.headers['set-cookie']), res.json().csrfToken);
}
