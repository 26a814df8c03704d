/** The tool's version, from package.json (bundled in by esbuild). */
import pkg from '../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
