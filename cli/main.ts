// The fedstudio CLI (run through cli/bin.mjs). Usage problems exit 2 with one line; other failures exit 1.
import { partitionCommand } from './commands/partition';
import { pluginsCommand } from './commands/plugins';
import { privacyCommand } from './commands/privacy';
import { runCommand } from './commands/run';
import { CliError, EXIT_USAGE } from './errors';
import { parsePartitionFlags, parsePluginsFlags, parsePrivacyFlags, parseRunFlags } from './flags';
import { MAIN_HELP } from './help';

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'run':
        return await runCommand(parseRunFlags(args));
      case 'partition':
        return await partitionCommand(parsePartitionFlags(args));
      case 'privacy':
        return privacyCommand(parsePrivacyFlags(args));
      case 'plugins':
        return pluginsCommand(parsePluginsFlags(args));
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(MAIN_HELP);
        return 0;
      case undefined:
        process.stderr.write(MAIN_HELP);
        return EXIT_USAGE;
      default:
        throw new CliError(`unknown command "${command}" (expected run, partition, privacy or plugins; see fedstudio --help)`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`fedstudio: ${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`fedstudio: error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.FEDSTUDIO_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
