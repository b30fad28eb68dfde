import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tallyDir } from './tally';

/**
 * `npm run reliability`: runs the reliability suite (faults, hostile input, concurrency, the
 * access matrix) and prints its table. Fails if a test failed or anything was lost, duplicated
 * or answered with a 5xx. The same tests also run in `npm test`.
 */
rmSync(tallyDir, { recursive: true, force: true });
// The stored-script check opens the built web app in Chromium.
const build = spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
if (build.status) process.exit(build.status);
const tests = spawnSync('npx', ['vitest', 'run', 'tests/reliability', 'tests/api/access-matrix.test.ts'], { stdio: 'inherit' });
const report = spawnSync('npx', ['tsx', 'tests/reliability/report.ts'], { stdio: 'inherit' });
process.exitCode = tests.status || report.status || 0;
