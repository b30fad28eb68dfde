import type { Worker } from 'bullmq';
import type { Runtime } from '../server/runtime';
import { closeWorkers } from './queue-backend';
import { createRelay, type Relay, type RelayLogger } from './relay';
import { startWorkers } from './workers';

/** Starts the workers and the outbox relay; `stop` drains them (in-flight jobs finish). */
export function startJobs(rt: Runtime, log: RelayLogger): { relay: Relay; workers: Worker[]; stop(): Promise<void> } {
  const workers = startWorkers(rt.backend, rt.services, log);
  const relay = createRelay({ db: rt.database.db, backend: rt.backend, clock: rt.clock, log, pollMs: rt.config.OUTBOX_POLL_MS });
  relay.start();
  void rt.backend.durabilityWarnings().then((warnings) => {
    for (const w of warnings) log.warn({ backend: rt.backend.kind }, w);
  });
  return {
    relay,
    workers,
    async stop() {
      await relay.stop();
      await closeWorkers(workers);
    },
  };
}
