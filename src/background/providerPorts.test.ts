import { describe, expect, it } from 'vitest';
import { originOfSender } from './providerPorts';

describe('origin of a provider port', () => {
  const ext = 'extid';
  it('comes from the browser-provided sender of a tab', () => {
    expect(originOfSender({ id: ext, url: 'https://app.example.com/path?q=1', tab: { id: 1 } }, ext)).toBe('https://app.example.com');
    expect(originOfSender({ id: ext, origin: 'http://127.0.0.1:5173', url: 'http://127.0.0.1:5173/x', tab: { id: 1 } }, ext)).toBe('http://127.0.0.1:5173');
  });
  it('is refused for non-tabs, other extensions, and non-http pages', () => {
    expect(originOfSender({ id: ext, url: 'https://a.example/' }, ext)).toBeNull();
    expect(originOfSender({ id: 'other', url: 'https://a.example/', tab: { id: 1 } }, ext)).toBeNull();
    expect(originOfSender({ id: ext, url: 'file:///etc/passwd', tab: { id: 1 } }, ext)).toBeNull();
    expect(originOfSender({ id: ext, url: 'data:text/html,hi', tab: { id: 1 } }, ext)).toBeNull();
    expect(originOfSender({ id: ext, url: 'not a url', tab: { id: 1 } }, ext)).toBeNull();
    expect(originOfSender(undefined, ext)).toBeNull();
  });
});
