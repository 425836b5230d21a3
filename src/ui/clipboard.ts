/** Copies text; with `clearAfterMs` the clipboard is overwritten later if it still holds that text (for secrets). */
export async function copyText(text: string, clearAfterMs?: number): Promise<void> {
  await navigator.clipboard.writeText(text);
  if (clearAfterMs === undefined) return;
  setTimeout(async () => {
    try {
      const current = await navigator.clipboard.readText().catch(() => text);
      if (current === text) await navigator.clipboard.writeText('');
    } catch {
      // The page may be closed or unfocused; nothing else can be done from here.
    }
  }, clearAfterMs);
}
