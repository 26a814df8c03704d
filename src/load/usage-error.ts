/**
 * A problem with how tally was called (a missing path, an unknown flag): exit code 2. In a module
 * of its own so the CLI's command declarations can name it without loading the loader.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
