import { batched } from '../../core/batch';

/** A `run` that records each call's items and doubles them, failing on any item named in `failOn`. */
function recorder(failOn: number[] = []) {
  const runs: number[][] = [];
  const run = async (items: number[]) => {
    runs.push(items);
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (items.some((i) => failOn.includes(i))) throw new Error(`refused ${items.join(',')}`);
    return items.map((i) => i * 2);
  };
  return { runs, run };
}

describe('batched', () => {
  it('runs the calls of one event-loop turn together and answers each caller with its own result', async () => {
    const { runs, run } = recorder();
    const double = batched(run);
    await expect(Promise.all([double(1), double(2), double(3)])).resolves.toEqual([2, 4, 6]);
    expect(runs).toEqual([[1, 2, 3]]);
  });

  it('runs a call made in a later turn on its own', async () => {
    const { runs, run } = recorder();
    const double = batched(run);
    const first = double(1);
    await new Promise((resolve) => setImmediate(resolve));
    const second = double(2);
    await expect(Promise.all([first, second])).resolves.toEqual([2, 4]);
    expect(runs).toEqual([[1], [2]]);
  });

  it('never puts two items with the same key in one run, and keeps their order', async () => {
    const { runs, run } = recorder();
    const double = batched(run, { keyOf: (i) => String(i % 10) });
    await expect(Promise.all([double(1), double(2), double(11), double(3), double(21)])).resolves.toEqual([
      2, 4, 22, 6, 42,
    ]);
    expect(runs).toEqual([[1, 2, 3], [11], [21]]);
  });

  it('splits a turn with more items than allowed into several runs', async () => {
    const { runs, run } = recorder();
    const double = batched(run, { maxItems: 2 });
    await expect(Promise.all([1, 2, 3, 4, 5].map(double))).resolves.toEqual([2, 4, 6, 8, 10]);
    expect(runs).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('fails only the caller whose item fails: the others are run again alone', async () => {
    const { runs, run } = recorder([2]);
    const double = batched(run);
    const results = await Promise.allSettled([double(1), double(2), double(3)]);
    expect(results).toEqual([
      { status: 'fulfilled', value: 2 },
      { status: 'rejected', reason: new Error('refused 2') },
      { status: 'fulfilled', value: 6 },
    ]);
    expect(runs).toEqual([[1, 2, 3], [1], [2], [3]]);
  });
});
