/**
 * Reads a trace written by bench/trace-first-run.mjs: for each key's window (the `key <n> app|bare`
 * measures, keydown to the first task after its paint), the page's main-thread tasks that ran in it,
 * their CPU (`tdur`) and what they were (self time by event, the script, event or timer named), the
 * CPU of the page's dedicated workers (the preview's and the text statistics') in it, and the CPU
 * other programs took meanwhile (from the /proc samples saved beside the trace).
 *   node bench/trace-keys.mjs trace.json [--slow=30 | --all]   keys slower than 30 ms (or all), task by task
 *   node bench/trace-keys.mjs trace.json --table                one line per key
 *   node bench/trace-keys.mjs trace.json --timeline             the first run's keys and big tasks in order
 * Last come the app's and the bare textarea's totals: latency and main-thread CPU per key window.
 */
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: trace-keys.mjs trace.json');
const slowMs = Number(process.argv.find((a) => a.startsWith('--slow='))?.slice(7) ?? 30);
const all = process.argv.includes('--all');
/**
 * One event of a Chrome trace (the fields read here).
 * @typedef {{ name: string, ph: string, ts: number, dur?: number, tdur?: number, tts?: number, pid: number, tid: number, cat?: string, args?: { name?: string, data?: Record<string, unknown> } }} TraceEvent
 */
/** @type {unknown} */
const parsed = JSON.parse(readFileSync(file, 'utf8'));
const raw = /** @type {TraceEvent[] | { traceEvents: TraceEvent[] }} */ (parsed);
const events = Array.isArray(raw) ? raw : raw.traceEvents;

/** @type {Map<string, string>} */
const threadNames = new Map();
/** @type {Map<number, string>} */
const processNames = new Map();
for (const e of events) if (e.ph === 'M' && e.name === 'process_name') processNames.set(e.pid, e.args?.name ?? '');
for (const e of events)
  if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');

// The key windows, and the renderer they were measured in.
/** @type {Map<string, { name: string, pid: number, start: number, end: number }>} */
const keys = new Map();
for (const e of events) {
  if (e.cat !== 'blink.user_timing' || !/^key \d+ (app|bare)$/.test(e.name)) continue;
  const k = keys.get(e.name) ?? { name: e.name, pid: e.pid, start: NaN, end: NaN };
  if (e.ph === 'b') k.start = e.ts;
  else if (e.ph === 'e') k.end = e.ts;
  else if (e.ph === 'X') {
    k.start = e.ts;
    k.end = e.ts + (e.dur ?? 0);
  }
  keys.set(e.name, k);
}
const keyList = [...keys.values()].sort((a, b) => a.start - b.start);
if (keyList.length === 0) throw new Error('no key measures in the trace');
const pid = keyList[0]?.pid;
const tidOf = (/** @type {string} */ name) =>
  [...threadNames]
    .filter(([k, v]) => k.startsWith(`${pid}:`) && v.startsWith(name))
    .map(([k]) => Number(k.split(':')[1]));
const mainTid = tidOf('CrRendererMain')[0];
const workerTids = tidOf('DedicatedWorker');
const compositorTids = tidOf('Compositor');

/**
 * A thread's complete events nested into trees, with self times.
 * @typedef {{ name: string, ts: number, dur: number, tdur: number, args: TraceEvent['args'], children: Node[], self: number, tself: number }} Node
 * @param {number} tid
 * @returns {Node[]}
 */
function trees(tid) {
  /** @type {Node[]} */
  const nodes = [];
  /** @type {Map<string, TraceEvent[]>} */
  const open = new Map();
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X')
      nodes.push({
        name: e.name,
        ts: e.ts,
        dur: e.dur ?? 0,
        tdur: e.tdur ?? 0,
        args: e.args,
        children: [],
        self: 0,
        tself: 0,
      });
    else if (e.ph === 'B') (open.get(e.name) ?? open.set(e.name, []).get(e.name))?.push(e);
    else if (e.ph === 'E') {
      const b = open.get(e.name)?.pop();
      if (b !== undefined)
        nodes.push({
          name: b.name,
          ts: b.ts,
          dur: e.ts - b.ts,
          tdur: (e.tts ?? 0) - (b.tts ?? 0),
          args: { ...b.args, ...e.args },
          children: [],
          self: 0,
          tself: 0,
        });
    }
  }
  nodes.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  /** @type {Node[]} */
  const roots = [];
  /** @type {Node[]} */
  const stack = [];
  for (const n of nodes) {
    while (stack.length > 0 && (stack.at(-1)?.ts ?? 0) + (stack.at(-1)?.dur ?? 0) <= n.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent === undefined) roots.push(n);
    else parent.children.push(n);
    stack.push(n);
  }
  const fill = (/** @type {Node} */ n) => {
    n.self = n.dur - n.children.reduce((s, c) => s + c.dur, 0);
    n.tself = n.tdur - n.children.reduce((s, c) => s + c.tdur, 0);
    n.children.forEach(fill);
  };
  roots.forEach(fill);
  return roots;
}

/** A trace argument as text ('' when it is not a string or a number). @param {unknown} value */
const text = (value) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** @param {Node} n */
function label(n) {
  const d = n.args?.data ?? {};
  if (n.name === 'FunctionCall')
    return `FunctionCall ${text(d.functionName) || '(anon)'} ${text(d.url).split('/').pop() ?? ''}:${text(d.lineNumber)}`;
  if (n.name === 'EventDispatch') return `EventDispatch ${text(d.type)}`;
  if (n.name === 'TimerFire') return `TimerFire`;
  if (n.name === 'v8.callFunction' || n.name === 'v8.run') return n.name;
  if (n.name.startsWith('V8.GC') || n.name === 'MinorGC' || n.name === 'MajorGC') return `GC ${n.name}`;
  return n.name;
}

/**
 * Self CPU (or wall, where a thread gives no CPU) by label under `n`.
 * @param {Node} n
 * @param {Map<string, number>} into
 */
function selfBy(n, into) {
  const l = label(n);
  into.set(l, (into.get(l) ?? 0) + (n.tdur > 0 ? n.tself : n.self) / 1000);
  n.children.forEach((c) => selfBy(c, into));
}

/**
 * The labels on the way down to the biggest leaf: what a task was.
 * @param {Node} n
 * @returns {string}
 */
function gist(n, depth = 0) {
  const big = [...n.children].sort((a, b) => b.dur - a.dur).filter((c) => c.dur >= 500);
  /** @type {string[]} */
  const parts = big.slice(0, 4).map((c) => {
    /** @type {string} */
    const inner = depth < 3 ? gist(c, depth + 1) : '';
    return `${label(c)} ${(c.dur / 1000).toFixed(1)}${inner ? ` [${inner}]` : ''}`;
  });
  return parts.join('; ');
}

const main = trees(mainTid ?? -1).filter((n) => n.name === 'ThreadControllerImpl::RunTask' || n.name === 'RunTask');
const workers = workerTids.flatMap((tid) =>
  trees(tid).filter((n) => n.name === 'ThreadControllerImpl::RunTask' || n.name === 'RunTask'),
);
const comps = compositorTids.flatMap((tid) =>
  trees(tid).filter((n) => n.name === 'ThreadControllerImpl::RunTask' || n.name === 'RunTask'),
);
const cpuIn = (/** @type {Node[]} */ tasks, /** @type {number} */ s, /** @type {number} */ e) =>
  tasks.reduce((sum, t) => {
    const overlap = Math.min(e, t.ts + t.dur) - Math.max(s, t.ts);
    return overlap > 0 ? sum + (t.tdur * overlap) / Math.max(1, t.dur) : sum;
  }, 0) / 1000;

/** @type {Record<string, { lat: number[], cpu: number[], by: Map<string, number> }>} */
const totals = { app: { lat: [], cpu: [], by: new Map() }, bare: { lat: [], cpu: [], by: new Map() } };
const fmt = (/** @type {number} */ x) => x.toFixed(1);
/** @type {number[][]} */
let cpuSamples = [];
try {
  /** @type {unknown} */
  const samples = JSON.parse(readFileSync(`${file}.cpu.json`, 'utf8'));
  cpuSamples = /** @type {number[][]} */ (samples);
} catch {
  // No CPU samples beside the trace: "others" prints NaN.
}
/** Ms of CPU (from jiffies, 10 ms each) that programs outside the bench's tree used between two times (µs). */
function othersIn(/** @type {number} */ s, /** @type {number} */ e) {
  const at = (/** @type {number} */ t) => {
    const i = cpuSamples.findIndex((x) => (x[0] ?? 0) >= t);
    const a = cpuSamples[Math.max(0, i - 1)] ?? [0, 0, 0];
    const b = cpuSamples[i < 0 ? cpuSamples.length - 1 : i] ?? a;
    const f = (b[0] ?? 0) === (a[0] ?? 0) ? 0 : (t - (a[0] ?? 0)) / ((b[0] ?? 0) - (a[0] ?? 0));
    const v = (/** @type {number} */ j) => (a[j] ?? 0) + f * ((b[j] ?? 0) - (a[j] ?? 0));
    return v(1) - v(2);
  };
  return cpuSamples.length === 0 ? NaN : (at(e) - at(s)) * 10;
}
for (const k of keyList) {
  const kind = k.name.endsWith('bare') ? 'bare' : 'app';
  const lat = (k.end - k.start) / 1000;
  const inWindow = main.filter((t) => t.ts < k.end && t.ts + t.dur > k.start);
  const cpu = cpuIn(main, k.start, k.end);
  const t = totals[kind];
  t?.lat.push(lat);
  t?.cpu.push(cpu);
  for (const task of inWindow) selfBy(task, t?.by ?? /** @type {Map<string, number>} */ (new Map()));
  if (process.argv.includes('--table')) {
    /** @type {Map<string, number>} */
    const by = new Map();
    for (const task of inWindow) selfBy(task, by);
    const top = [...by]
      .sort((a, b) => b[1] - a[1])
      .filter(([, ms]) => ms >= 1)
      .slice(0, 4);
    console.log(
      `${k.name.padEnd(12)} lat ${fmt(lat).padStart(5)}  main ${fmt(cpu).padStart(5)}  worker ${fmt(cpuIn(workers, k.start, k.end)).padStart(5)}  others ${fmt(othersIn(k.start, k.end)).padStart(5)}  | ${top.map(([l, ms]) => `${l.replace('EventDispatch ', '')} ${fmt(ms)}`).join(', ')}`,
    );
    continue;
  }
  if (!all && lat < slowMs) continue;
  console.log(
    `\n${k.name}: ${fmt(lat)} ms to paint; main CPU ${fmt(cpu)} ms, worker CPU ${fmt(cpuIn(workers, k.start, k.end))} ms, compositor ${fmt(cpuIn(comps, k.start, k.end))} ms`,
  );
  console.log(`  other programs (outside the bench's process tree) ~${fmt(othersIn(k.start, k.end))} ms of CPU`);
  for (const task of inWindow) {
    if (task.dur < 500) continue;
    /** @type {Map<string, number>} */
    const by = new Map();
    selfBy(task, by);
    const top = [...by]
      .sort((a, b) => b[1] - a[1])
      .filter(([, ms]) => ms >= 0.5)
      .slice(0, 6);
    console.log(
      `  +${fmt((task.ts - k.start) / 1000)} ms: wall ${fmt(task.dur / 1000)}, cpu ${fmt(task.tdur / 1000)}: ${gist(task)}\n     self: ${top.map(([l, ms]) => `${l} ${fmt(ms)}`).join(', ')}`,
    );
  }
}
for (const [kind, t] of Object.entries(totals)) {
  if (t.lat.length === 0) continue;
  const sorted = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b);
  const q = (/** @type {number[]} */ xs, /** @type {number} */ p) => sorted(xs)[Math.ceil(p * xs.length) - 1] ?? NaN;
  const sum = t.cpu.reduce((a, b) => a + b, 0);
  console.log(
    `\n${kind}: ${t.lat.length} keys, latency median ${fmt(q(t.lat, 0.5))} p95 ${fmt(q(t.lat, 0.95))} ms; main CPU in windows median ${fmt(q(t.cpu, 0.5))} p95 ${fmt(q(t.cpu, 0.95))} total ${fmt(sum)} ms`,
  );
  const top = [...t.by].sort((a, b) => b[1] - a[1]).slice(0, 14);
  console.log(`  self CPU of tasks touching the windows: ${top.map(([l, ms]) => `${l} ${fmt(ms)}`).join(', ')}`);
}

// A timeline of the app's first run: keys, and the main thread's and the worker's big tasks.
if (process.argv.includes('--timeline')) {
  const first = keyList.filter((k) => k.name.endsWith('app'));
  const from = (first[0]?.start ?? 0) - 300_000;
  const to = (first.at(-1)?.end ?? 0) + 300_000;
  /** @type {{ ts: number, line: string }[]} */
  const lines = [];
  for (const k of first)
    lines.push({
      ts: k.start,
      line: `KEY ${k.name} -> ${fmt((k.end - k.start) / 1000)} ms (paint at +${fmt((k.end - (first[0]?.start ?? 0)) / 1000)})`,
    });
  for (const t of main) {
    if (t.ts < from || t.ts > to || (t.tdur < 2000 && t.dur < 6000)) continue;
    lines.push({ ts: t.ts, line: `  main wall ${fmt(t.dur / 1000)} cpu ${fmt(t.tdur / 1000)}: ${gist(t)}` });
  }
  for (const t of workers) {
    if (t.ts < from || t.ts > to || t.dur < 1000) continue;
    lines.push({ ts: t.ts, line: `      worker wall ${fmt(t.dur / 1000)} cpu ${fmt(t.tdur / 1000)}` });
  }
  lines.sort((a, b) => a.ts - b.ts);
  for (const l of lines) console.log(`${fmt((l.ts - (first[0]?.start ?? 0)) / 1000).padStart(8)} ${l.line}`);
}
