/** A throw-away project for scenario tests: a temp folder with a package.json marker (inputs are confined to the project root). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPORT = `Acme Corp annual review.
Revenue rose to $1,250.0 million in 2024 from $1,000.0 million in 2023, up 25.0% year on year.
Operating profit was $130 million, 10.4% of revenue.
Staff grew 45% to 700 people (from 500).
`;

export const FIGURES = `document: report.txt
locale: en
figures:
  revenue_2024: { quote: "Revenue rose to $1,250.0 million in 2024", number: "$1,250.0 million" }
  revenue_2023: { quote: "from $1,000.0 million in 2023", number: "$1,000.0 million" }
  profit_2024: { quote: "Operating profit was $130 million" }
  staff_2024: { quote: "to 700 people", exact: true }
  staff_2023: { quote: "(from 500)", exact: true }
`;

/** A temp project holding `files` (path → text) besides package.json, report.txt and figures.yaml. */
export function tempProject(files: Record<string, string>, prefix = 'tally-project-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const all: Record<string, string> = { 'package.json': '{}\n', 'report.txt': REPORT, 'figures.yaml': FIGURES, ...files };
  for (const [name, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export const removeProject = (dir: string) => fs.rmSync(dir, { recursive: true, force: true });
