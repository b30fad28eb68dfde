/**
 * npm run audit:verify: walks the audit log's hash chain in the database named by
 * DATABASE_URL and reports the first broken link. Exit code 0 when the chain is intact,
 * 2 when it is broken, 1 when it could not be checked.
 */
import { loadConfig } from '../server/config';
import { createDatabase } from '../server/infra/database';
import { createAuditRepository } from '../server/modules/audit/repository';
import { verifyAuditChain } from '../server/modules/audit/verify';

const config = loadConfig();
if (!config.DATABASE_URL) {
  // The embedded server's password is the fixed one db/embedded.ts gives it.
  console.error(
    'DATABASE_URL is not set: set it to the database to check, for example\n' +
      '  DATABASE_URL=postgres://user:password@host:5432/jiebang npm run audit:verify\n' +
      `For the embedded database of npm start (while it runs): DATABASE_URL=postgres://postgres:jiebang-embedded@localhost:${config.EMBEDDED_PG_PORT}/jiebang`,
  );
  process.exit(1);
}

const count = (n: number) => n.toLocaleString('en-US');
const database = createDatabase(config.DATABASE_URL, 2);
const audit = createAuditRepository();
const started = Date.now();
let exitCode = 1;
try {
  const result = await verifyAuditChain((afterId, limit) => audit.chainAfter(database.db, afterId, limit), {
    onProgress: (checked) => console.log(`… ${count(checked)} entries checked (${((Date.now() - started) / 1000).toFixed(1)} s)`),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.ok) {
    const head = result.lastGood ? `; head #${result.lastGood.id} ${result.lastGood.hash}` : ' (the log is empty)';
    console.log(`audit chain intact: ${count(result.checked)} entries checked in ${seconds} s${head}`);
    exitCode = 0;
  } else {
    const b = result.firstBroken!;
    console.log(
      `audit chain BROKEN at entry #${b.id} (${b.at}, ${b.action} on ${b.entityType} ${b.entityId}): ${b.reason}; ` +
        `${count(result.checked - 1)} entries before it are intact`,
    );
    exitCode = 2;
  }
} catch (err) {
  console.error(`audit chain not checked: ${(err as Error).message}`);
} finally {
  await database.close();
}
process.exit(exitCode);
