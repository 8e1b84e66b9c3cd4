import { describe, it } from 'vitest';
import { checkHelloRun, helloRuns } from './helloRuns';

describe('hello → ohlol training matches PyTorch epoch by epoch (cpu)', () => {
  it.each(helloRuns.map((run) => [`${run.variant} seed ${run.seed}`, run]))('%s', (_, run) => checkHelloRun(run));
});
