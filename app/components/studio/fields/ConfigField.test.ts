import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../../../../core/config/schema';
import { setAt } from '../../../lib/configPath';
import { FIELD_GROUPS } from '../../../lib/fields';
import { ConfigField } from './ConfigField';

const specs = FIELD_GROUPS.flatMap((g) => g.fields);

function render(path: string, config: ExperimentConfig): string {
  const spec = specs.find((s) => s.path === path);
  if (!spec) throw new Error(`no field ${path}`);
  return renderToString(createElement(ConfigField, { spec, config }));
}

/** What the optional field's checkbox says the default is: the text inside "Use the default (…)". */
function defaultShown(path: string, config: ExperimentConfig = defaultConfig()): string | undefined {
  return /Use the default \(([^<]*)\)</.exec(render(path, config))?.[1];
}

/** The number in the field's box. */
const boxValue = (html: string) => /type="number"[^>]* value="([^"]*)"/.exec(html)?.[1];

describe('optional settings name their default', () => {
  it('by its formula when it depends on the round (n updates, f malicious or Byzantine, η the server step)', () => {
    expect(defaultShown('aggregator.multiKrumM')).toBe('n − f');
    expect(defaultShown('attack.alieZ')).toBe('Φ⁻¹((n − ⌊n/2 + 1⌋)/(n − f))');
    expect(defaultShown('attack.scalingGamma')).toBe('n/η');
    expect(defaultShown('attack.labelFlipSource')).toBe('all-to-all, y → C−1−y');
    expect(defaultShown('attack.labelFlipTarget')).toBe('all-to-all, y → C−1−y');
  });

  it('by its formula, with the value it gives for this config in the box', () => {
    const secAggPlus = setAt(defaultConfig(), 'secureAggregation.mode', 'secagg+');
    const neighbours = render('secureAggregation.neighbours', secAggPlus);
    expect(neighbours).toContain('Use the default (2·⌈log₂ n⌉)');
    expect(boxValue(neighbours)).toBe('8'); // 10 clients per round: 2·⌈log₂ 10⌉
    const count = render('attack.count', setAt(defaultConfig(), 'attack.kind', 'sign-flip'));
    expect(count).toContain('Use the default (fraction × clients)');
    expect(boxValue(count)).toBe('4'); // 0.2 × 20 clients
  });

  it('by its value when that is a constant, even while the field is set to something else', () => {
    const central = setAt(defaultConfig(), 'privacy.mode', 'central');
    expect(defaultShown('privacy.clipNorm', setAt(central, 'privacy.clipNorm', 5))).toBe('1');
    expect(defaultShown('privacy.clipNorm', setAt(central, 'privacy.clipping', 'adaptive'))).toBe('0.1');
    const fedAdam = setAt(defaultConfig(), 'strategy.name', 'fedadam');
    expect(defaultShown('strategy.serverLr', setAt(fedAdam, 'strategy.serverLr', 0.5))).toBe('0.1');
  });
});

describe('an optional choice', () => {
  const geomed = setAt(defaultConfig(), 'aggregator.name', 'geometric-median');

  it('offers its default first, chosen while unset, then each value', () => {
    const html = render('aggregator.geomedStart', geomed);
    expect(html).toMatch(/<option value="" selected="">Default \(the mean \(RFA\)\)<\/option>/);
    expect(html).toContain('<option value="zero"');
    expect(render('aggregator.geomedStart', setAt(geomed, 'aggregator.geomedStart', 'zero'))).toMatch(
      /<option value="zero" selected=""/,
    );
  });
});
