// `npm run bench [-- section ...]`: runs the benchmark sections (all by default) and merges their rows into
// bench/results/latest.json as each finishes.
import { aggregatorsSection } from './aggregators';
import { poolSection } from './pool';
import { privacySection } from './privacy';
import { mergeResults } from './results';
import type { BenchSection } from './section';
import { studioSection } from './studio';
import { trainingSection } from './training';

const SECTIONS: BenchSection[] = [trainingSection, aggregatorsSection, poolSection, privacySection, studioSection];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SECTIONS.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`unknown bench section(s) ${unknown.join(', ')}; available: ${SECTIONS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
for (const section of SECTIONS.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  console.log(`\n== ${section.name}`);
  const rows = await section.run();
  console.log(`wrote ${mergeResults(rows)}`);
}
