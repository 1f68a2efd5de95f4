// The library on a phone (issue 14, bug 7): at 390 × 844 the runs table broke names one letter per line and clipped
// the accuracy column. Each run is now a card: its name on one or two lines, its numbers inside the screen.
import { sampleRun } from '../server/testing/fixtures';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 390, height: 844 } });

const NAME = `phone-${Date.now().toString(36)} MNIST · coordinate-wise median under ALIE`;

test('on a phone a saved run reads as a card: the name on at most two lines, the accuracy on screen', async ({ page, request }) => {
  const metrics = sampleRun({ partition: { method: 'dirichlet', alpha: 0.1 }, aggregator: { name: 'median' } }, [0.1, 0.5, 0.9123]);
  const response = await request.post('/api/trpc/runs.save', { data: { name: NAME, metrics } });
  expect(response.status()).toBe(200);

  await page.goto('/library');
  await page.getByTestId('library-search').fill(NAME);
  const row = page.getByTestId('runs-table').getByTestId('run-row');
  await expect(row).toHaveCount(1);

  // An inline link has one client rect per line it occupies.
  const lines = await row.getByTestId('run-link').evaluate((a) => a.getClientRects().length);
  expect(lines, 'lines the run name takes').toBeGreaterThanOrEqual(1);
  expect(lines, 'lines the run name takes').toBeLessThanOrEqual(2);

  const accuracy = row.getByTestId('run-final-accuracy');
  await expect(accuracy).toContainText('91.2%');
  const box = (await accuracy.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // Nothing pushes the page wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'reports/e2e/library-phone.png' });
});
