// npm audit of production dependencies: fails on any high or critical advisory.
// When the registry's audit endpoint cannot be reached, it says so plainly and does not fail.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = null;
}
if (!report || report.error || report.statusCode) {
  const why =
    report?.message || report?.error?.summary || run.stderr.trim().split('\n').pop() || 'no answer';
  console.warn(`npm audit could not run here (${why}); advisories were NOT checked.`);
  process.exit(0);
}
const counts = report.metadata?.vulnerabilities ?? {};
const high = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `npm audit (production): ${counts.total ?? 0} advisories, ${counts.high ?? 0} high, ${counts.critical ?? 0} critical`,
);
process.exit(high > 0 ? 1 : 0);
