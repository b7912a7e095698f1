import { describe, expect, it } from 'vitest';
import { singleFlight } from '@/utils/check/schedule';

/** A task whose runs the test finishes one by one, counting them. */
function controlledTask() {
  const finishers: (() => void)[] = [];
  let runs = 0;
  const task = () =>
    new Promise<number>((resolve) => {
      const run = ++runs;
      finishers.push(() => resolve(run));
    });
  return { task, runs: () => runs, finish: () => finishers.shift()?.() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('singleFlight', () => {
  it('shares the run under way with calls made meanwhile', async () => {
    const { task, runs, finish } = controlledTask();
    const check = singleFlight(task);
    const first = check();
    const second = check();
    finish();
    expect(await Promise.all([first, second])).toEqual([1, 1]);
    expect(runs()).toBe(1);
  });

  it('with rerun, answers a call made meanwhile with one more run after it', async () => {
    const { task, runs, finish } = controlledTask();
    const checkNow = singleFlight(task, { rerun: true });
    const first = checkNow();
    const second = checkNow();
    const third = checkNow();
    finish();
    expect(await first).toBe(1);
    await tick();
    expect(runs()).toBe(2);
    finish();
    expect(await Promise.all([second, third])).toEqual([2, 2]);
    // Idle again: the next call starts at once.
    const fourth = checkNow();
    expect(runs()).toBe(3);
    finish();
    expect(await fourth).toBe(3);
  });

  it('runs again after a run that failed', async () => {
    let calls = 0;
    const checkNow = singleFlight(
      async () => {
        calls++;
        if (calls === 1) throw new Error('offline');
        return calls;
      },
      { rerun: true },
    );
    const first = checkNow();
    const second = checkNow();
    await expect(first).rejects.toThrow('offline');
    expect(await second).toBe(2);
  });
});
