import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, type AutosaveState } from './autosave';

function deferred() {
  let resolve!: (sent: boolean) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<boolean>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once after the user pauses, however many changes came before', async () => {
    const save = vi.fn(async () => true);
    const states: AutosaveState[] = [];
    const autosave = new Autosave(save, (s) => states.push(s.state), 1500);
    autosave.touch();
    await vi.advanceTimersByTimeAsync(1000);
    autosave.touch();
    autosave.touch();
    await vi.advanceTimersByTimeAsync(1499);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(states.at(-1)).toBe('saved');
    expect(autosave.unsaved).toBe(false);
  });

  it('never runs two saves at once: a change during a save is saved after it', async () => {
    const first = deferred();
    const save = vi.fn().mockReturnValueOnce(first.promise).mockResolvedValue(true);
    const autosave = new Autosave(save, () => {}, 100);
    autosave.touch();
    await vi.advanceTimersByTimeAsync(100);
    expect(autosave.status.state).toBe('saving');
    autosave.touch();
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledTimes(1);
    first.resolve(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledTimes(2);
    expect(autosave.status.state).toBe('saved');
  });

  it('keeps a failed change unsaved and retries it on flush', async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(true);
    const autosave = new Autosave(save, () => {}, 100);
    autosave.touch();
    await vi.advanceTimersByTimeAsync(100);
    expect(autosave.status).toMatchObject({ state: 'failed' });
    expect(autosave.unsaved).toBe(true);
    await expect(autosave.flush()).resolves.toBe(true);
    expect(save).toHaveBeenCalledTimes(2);
    expect(autosave.status).toMatchObject({ state: 'saved', error: null });
  });

  it('flushes at once, waiting for a save already running', async () => {
    const first = deferred();
    const save = vi.fn().mockReturnValueOnce(first.promise).mockResolvedValue(true);
    const autosave = new Autosave(save, () => {}, 1500);
    autosave.touch();
    await vi.advanceTimersByTimeAsync(1500);
    autosave.touch();
    const flushed = autosave.flush();
    first.resolve(true);
    await expect(flushed).resolves.toBe(true);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('stays idle when a save had nothing to send', async () => {
    const autosave = new Autosave(async () => false, () => {}, 10);
    autosave.touch();
    await vi.advanceTimersByTimeAsync(10);
    expect(autosave.status.state).toBe('idle');
  });
});
