import { do_not_optimize, measure } from 'mitata';

export { do_not_optimize };

/** What one mitata measurement gives, in nanoseconds per call (per batch of `concurrency` calls when concurrent). */
export interface Timing {
  avgNs: number;
  p50Ns: number;
  p99Ns: number;
  /** Number of samples mitata kept. */
  samples: number;
  /** Number of calls measured. */
  ticks: number;
  /** Every sample kept, nanoseconds, sorted. */
  samplesNs: number[];
}

/** Options of one measurement. */
export interface TimingOptions {
  /** Least measured time before mitata stops sampling, milliseconds (mitata's `min_cpu_time`). */
  minTimeMs?: number;
  /** Least number of samples (mitata's `min_samples`). */
  minSamples?: number;
  /** Most samples (mitata's `max_samples`). */
  maxSamples?: number;
  /** Calls started together per sample (mitata's `concurrency`); each sample then times the whole batch. */
  concurrency?: number;
  /** Calls per sample when mitata batches fast calls (mitata's `batch_samples`, default 4096). */
  batchSamples?: number;
}

/** mitata's measure options (its `k_options`, not exported by name). */
interface MitataOptions {
  min_cpu_time: number;
  min_samples: number;
  max_samples: number;
  concurrency: number;
  batch_samples: number;
}

function mitataOptions(options: TimingOptions): MitataOptions {
  return {
    min_cpu_time: (options.minTimeMs ?? 300) * 1e6,
    min_samples: options.minSamples ?? 12,
    max_samples: options.maxSamples ?? 1e9,
    concurrency: options.concurrency ?? 1,
    batch_samples: options.batchSamples ?? 4096,
  };
}

function toTiming(stats: Awaited<ReturnType<typeof measure>>): Timing {
  return {
    avgNs: stats.avg,
    p50Ns: stats.p50,
    p99Ns: stats.p99,
    samples: stats.samples.length,
    ticks: stats.ticks,
    samplesNs: [...stats.samples],
  };
}

/** Measures `fn` with mitata (warm-up, batching of fast calls, percentiles). */
export async function time(fn: () => unknown, options: TimingOptions = {}): Promise<Timing> {
  return toTiming(await measure(fn, mitataOptions(options)));
}

/**
 * Measures `fn(value)` where `value` comes from `param`, which mitata calls before each call
 * (outside the timed region): for inputs that a call consumes, such as single-use login codes.
 */
export async function timeWithParam<T>(
  param: () => T | Promise<T>,
  fn: (value: T) => unknown,
  options: TimingOptions = {},
): Promise<Timing> {
  const stats = await measure(function* () {
    yield { [0]: param, bench: fn };
  }, mitataOptions(options));
  return toTiming(stats);
}

/**
 * Measures a run that times itself (mitata's manual mode): `run` returns the duration it
 * measured, nanoseconds. For what happens once per process or isolate (a cold import, a
 * worker start), which no loop can repeat in place.
 */
export async function timeManual(run: () => Promise<number>, samples: number): Promise<Timing> {
  const stats = await measure(
    function* () {
      yield { manual: run, budget: 'manual' };
    },
    { min_cpu_time: 0, min_samples: samples, max_samples: samples },
  );
  return toTiming(stats);
}

/** Runs `task(variant)` for every variant in each of `rounds` rounds, rotating the order each round, and returns each variant's results in round order. */
export async function inRounds<K extends string, T>(
  variants: readonly K[],
  rounds: number,
  task: (variant: K, round: number) => Promise<T>,
): Promise<Record<K, T[]>> {
  const out = Object.fromEntries(variants.map((variant) => [variant, [] as T[]])) as Record<K, T[]>;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < variants.length; i++) {
      const variant = variants[(i + round) % variants.length] as K;
      out[variant].push(await task(variant, round));
    }
  }
  return out;
}
