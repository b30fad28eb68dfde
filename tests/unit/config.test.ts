import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';

describe('configuration', () => {
  it('runs the embedded demo with no environment at all', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, SEED_DEMO: true, cookieSecure: false, publicUrl: 'http://localhost:3000' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.REDIS_URL).toBeUndefined();
  });

  it('treats empty values as unset (docker compose passes SMTP_URL= through)', () => {
    const c = loadConfig({ SMTP_URL: '', REDIS_URL: '' });
    expect(c.SMTP_URL).toBeUndefined();
    expect(c.REDIS_URL).toBeUndefined();
  });

  it('derives Secure cookies from an https public URL unless told otherwise', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://jiebang.example.gov.cn' }).cookieSecure).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://jiebang.example.gov.cn', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });

  it('stops with a message naming each bad key', () => {
    expect(() => loadConfig({ PORT: 'eighty', SEED_DEMO: 'maybe' })).toThrow(/PORT[\s\S]*SEED_DEMO|SEED_DEMO[\s\S]*PORT/);
  });
});
