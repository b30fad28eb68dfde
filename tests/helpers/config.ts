import { inject } from 'vitest';
import { loadConfig, type Config } from '../../server/config';

/** The configuration tests run with: the run's database, quiet logs, generous abuse limits. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: inject('databaseUrl'),
    LOGIN_RATE_PER_MINUTE: '1000',
    REGISTER_RATE_PER_HOUR: '1000',
    PASSWORD_RESET_RATE_PER_HOUR: '1000',
    ...env,
  });
}
