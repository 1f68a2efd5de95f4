/** "2026-11-22 09:14 UTC": the same text on the server and in any browser (no hydration mismatch). */
export function formatDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
