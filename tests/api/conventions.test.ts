import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { createDatabase } from '../../server/infra/database';
import { errorBody } from '../../shared/contracts/errors';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('API conventions', () => {
  it('answers an unknown API route with the error body', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const res = await t.app.inject({ method, url: '/api/no-such-thing' });
      expect(res.statusCode).toBe(404);
      expect(errorBody.parse(res.json())).toMatchObject({ code: 'NOT_FOUND', reqId: expect.any(String) });
    }
  });

  it('answers malformed JSON with a 400, not a 5xx', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(res.statusCode).toBe(400);
    expect(errorBody.parse(res.json()).code).toBe('VALIDATION_FAILED');
  });

  it('answers a non-JSON body with 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'email=a' });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('names query and path fields in validation errors', async () => {
    const q = await t.app.inject({ method: 'GET', url: '/api/organisations?limit=abc' });
    // Anonymous: the session check comes after validation, so the field is still named.
    expect(q.statusCode).toBe(400);
    expect(q.json().fields[0].path).toBe('query.limit');
    const p = await t.app.inject({ method: 'GET', url: '/api/organisations/not-a-uuid' });
    expect(p.json().fields[0].path).toBe('params.id');
  });

  it('reports liveness and readiness', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: true, queue: true } });
  });

  it('reports not ready, with a 503, when the database is unreachable', async () => {
    const unreachable = createDatabase('postgres://postgres@127.0.0.1:1/none');
    const app = await buildApp({ config: t.config, services: t.rt.services, probes: { database: unreachable.ping, queue: t.rt.probes.queue } });
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'not_ready', checks: { database: false, queue: true } });
    } finally {
      await app.close();
      await unreachable.close();
    }
  });

  it('serves the OpenAPI document listing every API route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/organisations/{id}/verification', '/api/notifications', '/readyz']));
    for (const [path, ops] of Object.entries(res.json().paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) {
        expect(t.app.hasRoute({ method: method.toUpperCase() as 'GET', url: path.replace(/\{(\w+)\}/g, ':$1') }), `${method} ${path}`).toBe(true);
      }
    }
  });

  it('sends security headers with a content security policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
