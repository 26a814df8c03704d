/** Reports are written atomically: a reader never sees half a file (temporary file, then rename). */
import fs from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}
