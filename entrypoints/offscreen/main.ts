import { serveOffscreenClipboard } from '../../src/background/clipboardDocument';

// Chrome's offscreen document (reason CLIPBOARD): it only reads, compares and clears the clipboard.
serveOffscreenClipboard();
