import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from './clipboard';

function fakeClipboard() {
  let content = '';
  const clipboard = {
    writeText: vi.fn(async (t: string) => void (content = t)),
    readText: vi.fn(async () => content),
    get content() {
      return content;
    },
    set content(v: string) {
      content = v;
    },
  };
  vi.stubGlobal('navigator', { clipboard });
  return clipboard;
}

describe('copyText', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('clears a copied secret after the delay', async () => {
    vi.useFakeTimers();
    const clip = fakeClipboard();
    await copyText('seed words', 45_000);
    expect(clip.content).toBe('seed words');
    await vi.advanceTimersByTimeAsync(45_000);
    expect(clip.content).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    vi.useFakeTimers();
    const clip = fakeClipboard();
    await copyText('seed words', 45_000);
    clip.content = 'something else';
    await vi.advanceTimersByTimeAsync(45_000);
    expect(clip.content).toBe('something else');
  });

  it('does not schedule anything for plain copies', async () => {
    vi.useFakeTimers();
    const clip = fakeClipboard();
    await copyText('0xabc');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(clip.content).toBe('0xabc');
  });
});
