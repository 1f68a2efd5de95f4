import type { ExperimentConfig } from '../core/config/schema';
import type { PartitionStats } from '../core/partition/types';

function describeMethod(config: ExperimentConfig): string {
  const p = config.partition;
  const label = {
    iid: 'IID',
    dirichlet: `Dirichlet (α = ${p.alpha})`,
    pathological: `pathological (${p.classesPerClient} classes per client)`,
    shard: `shard (${p.shardsPerClient} shards per client)`,
  }[p.method];
  const extras = [
    p.quantitySkew > 0 ? `quantity skew ${p.quantitySkew}` : '',
    p.featureSkew !== 'none' ? `feature skew ${p.featureSkew} ${p.featureSkewStrength}` : '',
  ].filter(Boolean);
  return [label, ...extras].join(' + ');
}

/** The `fedstudio partition` table: per client its size, Hellinger distance and non-zero class counts. */
export function partitionTable(config: ExperimentConfig, stats: PartitionStats): string {
  const total = stats.sizes.reduce((a, b) => a + b, 0);
  const sizeWidth = Math.max(4, String(Math.max(...stats.sizes)).length);
  const lines = [
    `${config.data.dataset} · ${describeMethod(config)} · ${stats.sizes.length} clients · ${total} training examples · seed ${config.seed}`,
    `client  ${'size'.padStart(sizeWidth)}  hellinger  classes (class:count)`,
    ...stats.sizes.map((size, c) => {
      const classes = stats.counts[c].flatMap((n, k) => (n > 0 ? [`${k}:${n}`] : [])).join(' ');
      return `${String(c).padStart(6)}  ${String(size).padStart(sizeWidth)}  ${stats.hellinger[c].toFixed(3).padStart(9)}  ${classes}`;
    }),
    `mean skew (Hellinger distance to the global label distribution; 0 = IID, 1 = disjoint): ${stats.meanHellinger.toFixed(3)}`,
  ];
  return `${lines.join('\n')}\n`;
}
