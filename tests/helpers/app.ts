import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { Config } from '../../server/config';
import { createRuntime, type Runtime } from '../../server/runtime';
import { testConfig } from './config';

export interface TestApp {
  app: FastifyInstance;
  rt: Runtime;
  config: Config;
  close(): Promise<void>;
}

/** A real app on the run's database and the PostgreSQL queue backend, driven with inject(). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = testConfig(env);
  const rt = await createRuntime(config, config.DATABASE_URL!);
  const app = await buildApp({ config, services: rt.services, probes: rt.probes });
  await app.ready();
  return {
    app,
    rt,
    config,
    async close() {
      await app.close();
      await rt.close();
    },
  };
}
