/** One part of `npm run bench`: measures, prints its table, returns rows per results key. */
export interface BenchSection {
  name: string;
  run(): Promise<Record<string, unknown[]>>;
}
