export declare const INSTALL_HINT: string;
export declare const FIREFOX_INSTALL_HINT: string;
export declare function findChromium(): string | undefined;
export declare function findFirefox(): string | undefined;
export declare function ensureChromium(options?: { log?: (line: string) => void }): string | undefined;
export declare function ensureFirefox(options?: { log?: (line: string) => void }): string | undefined;
