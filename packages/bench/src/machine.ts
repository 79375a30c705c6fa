import { cpus, loadavg, release, totalmem, type } from 'node:os';

/** The machine a run was measured on, named in the report. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** Load average over 1, 5 and 15 minutes when the run started (other work on the same cores). */
  loadAverage: number[];
}

/** Describes this machine: CPU model, logical cores, memory, OS and kernel, Node version. */
export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: (list[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim(),
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

/** One line: `Intel Xeon … (2 cores), 7.8 GiB, Linux 6.1, Node v20.20.2, load average 1.2 / 0.9 / 0.7`. */
export function machineLine(machine: Machine): string {
  return `${machine.cpu} (${machine.cores} cores), ${machine.memoryGiB} GiB RAM, ${machine.os}, Node ${machine.node}, load average ${machine.loadAverage.join(' / ')} (1/5/15 min) at the start`;
}
