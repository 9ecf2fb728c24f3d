import * as fs from 'node:fs';
import { machineDetails } from '../bench/machine';
import type { CampaignSize, ScenarioReport } from './campaign';
import { SCENARIOS } from './scenarios';

/**
 * `npm run reliability`: the full campaign (or `-- --reduced`, the run `npm test` makes), printed as
 * it goes; `-- --only name,name` runs some; `-- --write RELIABILITY.md` keeps the run as Markdown.
 * Exits 1 when any promise was broken.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const size: CampaignSize = args.includes('--reduced') ? 'reduced' : 'full';
  const only = valueOf(args, '--only')?.split(',');
  const write = valueOf(args, '--write');
  const chosen = SCENARIOS.filter((s) => only === undefined || only.includes(s.name));
  if (only !== undefined && chosen.length !== only.length) throw new Error(`unknown scenario; the scenarios are ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const machine = machineDetails();
  const started = Date.now();
  process.stdout.write(`The placement ledger: reliability campaign (${size} run)\n${machine}\n`);
  const reports: { name: string; report: ScenarioReport; seconds: number }[] = [];
  for (const scenario of chosen) {
    const t0 = Date.now();
    process.stdout.write(`\n== ${scenario.name} ...\n`);
    const report = await scenario.run(size).catch((error: unknown): ScenarioReport => ({
      title: scenario.name, figures: [], violations: [`the scenario itself failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`],
    }));
    const seconds = (Date.now() - t0) / 1000;
    reports.push({ name: scenario.name, report, seconds });
    process.stdout.write(`${report.title} (${seconds.toFixed(0)} s)\n${report.figures.map((f) => `  ${f}`).join('\n')}\n`);
    for (const v of report.violations) process.stdout.write(`  VIOLATION: ${v}\n`);
  }
  const broken = reports.reduce((n, r) => n + r.report.violations.length, 0);
  const total = (Date.now() - started) / 1000;
  process.stdout.write(`\n${reports.length} scenarios in ${total.toFixed(0)} s: ${broken === 0 ? 'every promise held' : `${broken} violations`}\n`);
  if (write !== undefined) fs.writeFileSync(write, markdown(size, machine, reports, total));
  process.exitCode = broken === 0 ? 0 : 1;
}

function valueOf(args: readonly string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i < 0 ? undefined : args[i + 1];
}

function markdown(size: CampaignSize, machine: string, reports: readonly { name: string; report: ScenarioReport; seconds: number }[], total: number): string {
  return [
    '# Reliability: the last full campaign',
    '',
    `Written by \`npm run reliability -- --write RELIABILITY.md\` (a ${size} run; \`npm test\` makes a reduced run of the same scenarios and fails on any violation).`,
    'Each scenario tries a promise the ledger makes; a violation is a broken promise, never a time. Times are of this machine and this run only.',
    '',
    '```text',
    machine,
    '```',
    '',
    ...reports.flatMap(({ name, report, seconds }) => [
      `## ${report.title}`,
      '',
      `\`${name}\`, ${seconds.toFixed(0)} s. ${report.violations.length === 0 ? 'Every promise held.' : `**${report.violations.length} violations.**`}`,
      '',
      ...report.figures.map((f) => `- ${f}`),
      ...report.violations.map((v) => `- **Violation:** ${v}`),
      '',
    ]),
    `${reports.length} scenarios in ${total.toFixed(0)} s.`,
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
