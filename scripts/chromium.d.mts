export declare const INSTALL_HINT: string;
export declare function findChromium(): string | undefined;
export declare function ensureChromium(options?: { log?: (line: string) => void }): string | undefined;
