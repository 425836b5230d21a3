/** Chrome extension id derived from the manifest key in wxt.config.ts; tests and docs name it. */
export const EXTENSION_ID = 'koipaobmjilkgdpgfhbkefcdhickhkfk';
