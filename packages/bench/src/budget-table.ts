// `pnpm --filter @authlite/bench budget-table [results.json]`: prints the budget lines of a
// finished run as the Markdown table of the root README's "Performance" section.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Machine, machineLine } from './machine.js';
import type { Row } from './results.js';
import { BENCH_DIR } from './size/workspace.js';
import { budgetMarkdownTable } from './table.js';

const file = process.argv.slice(2).find((arg) => arg !== '--') ?? join(BENCH_DIR, 'results.json');
const { date, machine, rows } = JSON.parse(readFileSync(file, 'utf8')) as { date: string; machine: Machine; rows: Row[] };
process.stdout.write(`Run of ${date}; machine: ${machineLine(machine)}\n\n${budgetMarkdownTable(rows)}\n`);
