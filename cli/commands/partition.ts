import { loadConfigFile } from '../configFile';
import { CliError } from '../errors';
import type { PartitionFlags } from '../flags';
import { PARTITION_HELP } from '../help';
import { partitionTable } from '../partitionTable';

export async function partitionCommand(flags: PartitionFlags): Promise<number> {
  if (flags.help) {
    process.stdout.write(PARTITION_HELP);
    return 0;
  }
  if (!flags.file) throw new CliError('partition: missing the config file (usage: fedstudio partition <config.json>)');
  const { config, partition } = await loadConfigFile(flags.file, { set: flags.set, seed: flags.seed });
  process.stdout.write(partitionTable(config, partition));
  return 0;
}
