import { DEFAULT_SERVER } from './commands/save';

export const MAIN_HELP = `fedstudio — run federated-learning experiments from the command line

Usage:
  fedstudio run <config.json> [options]        train and evaluate, one line per round
  fedstudio partition <config.json> [options]  show how the data is split over clients
  fedstudio privacy --q Q --sigma Z --steps T  ε of DP training (RDP accountant), nothing run
  fedstudio plugins [section] [--json]         aggregators, attacks, … with their parameters
  fedstudio <command> --help                   options of a command

Presets live in examples/ (e.g. fedstudio run examples/mnist-iid.json).
`;

const SET_HELP = `  --set path=value   override any config field by dotted path, e.g. --set train.lr=0.1
                     --set partition.method=dirichlet --set model.hidden=[64,32]
                     (value parsed as JSON when it parses, else a string; repeatable)
  --seed S           override the seed`;

export const RUN_HELP = `Usage: fedstudio run <config.json> [options]

Runs the experiment on a pool of worker threads. Prints one line per round on stdout
(round, test accuracy, test loss, seconds) and progress on stderr.

Options:
  --rounds N         override the number of rounds
${SET_HELP}
  --variant path=value[,path=value…]
                     a variant of the config run side by side with it on the same workers,
                     e.g. --variant aggregator.name=median
                          --variant privacy.mode=central,privacy.noiseMultiplier=1
                     (repeatable, up to 3: one variant each; values parsed as --set; each
                     variant's numbers equal a run of its config alone; see docs/variants.md)
  --workers W        worker threads (default: number of cores; fewer when memory is short,
                     with a warning, as with more workers than cores)
  --out FILE         write the metrics JSON (config, environment, rounds 0..R with per-client metrics);
                     with --variant: { "variants": [ <each variant's metrics JSON, the config first> ] }
  --csv FILE         write one CSV row per round (with --variant, a leading variant column)
                     (--out and --csv are checked before training; missing folders are created)
  -q, --quiet        no progress and no per-round lines
  --save             save the run to a running studio's experiment library (after --out/--csv
                     are written) and print its link /r/<id>; with --variant, each variant as a run
                     of one group
  --server URL       the studio to save to (default ${DEFAULT_SERVER})
  --name TEXT        the saved run's name (default: the config's name)
  --notes TEXT       notes saved with the run
  -h, --help         this help

Exit codes: 0 completed, 1 diverged or failed (or --out/--csv/--save could not be written or
saved), 2 bad config or arguments, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM); an
interrupted or terminated run still writes --out/--csv with the rounds done.
`;

export const PARTITION_HELP = `Usage: fedstudio partition <config.json> [options]

Prints, per client, its number of examples, its Hellinger distance to the global label
distribution and its examples per class; then the mean skew. Trains nothing.

Options:
${SET_HELP}
  -h, --help         this help
`;

export const PRIVACY_HELP = `Usage: fedstudio privacy --q Q --sigma Z --steps T [--delta D] [--json]

Plans a differentially private run: prints the ε of T steps of the Poisson-subsampled
Gaussian mechanism at δ, from the Rényi-DP accountant (as TF-Privacy's compute_rdp and
its RDP → (ε, δ) conversion; see docs/privacy.md), and the RDP order α that gave it.
Client-level DP: q = clients per round / clients, T = rounds. DP-SGD: q = batch / examples,
T = steps.

Options:
  --q Q              sampling rate per step, in [0, 1] (required)
  --sigma Z          noise multiplier: noise std / clipping norm, ≥ 0 (required)
  --steps T          number of steps (rounds), a whole number ≥ 0 (required)
  --delta D          target δ, in (0, 1) (default 1e-5)
  --json             print {"epsilon":…,"order":…} instead (epsilon is null when σ = 0)
  -h, --help         this help

Exit codes: 0 done, 2 bad arguments.
`;

export const PLUGINS_HELP = `Usage: fedstudio plugins [section] [--json]

Lists every plugin of each extension point (or of one config section, e.g. aggregator): its
name (the value to --set), what it does with its source, and each parameter with its range and
default. Read from the plugin registries, so it is always current.

Options:
  --json             the same as JSON
  -h, --help         this help
`;
