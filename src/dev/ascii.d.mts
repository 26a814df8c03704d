// Types of ascii.mjs, a module of the build (plain JavaScript: Node runs the build as it is).
export function escapeRegexLiterals(code: string, sourceType: 'script' | 'module'): string;
export function isAscii(code: string): boolean;
