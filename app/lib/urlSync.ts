// Keeps the experiment in the URL hash: read once on load (and when the user pastes another link), written
// debounced with history.replaceState as the config changes.
import { replaceConfig } from './configEdit';
import { idleRun, useStudio } from './store';
import { debounce } from './throttle';
import { decodeConfigHash, encodeConfigHash } from './urlState';

const WRITE_DELAY_MS = 300;

function targetUrl(): string {
  const { config, variants } = useStudio.getState();
  const hash = encodeConfigHash(config, variants);
  return hash ? `#${hash}` : `${location.pathname}${location.search}`;
}

const writer = debounce(() => {
  const url = targetUrl();
  const current = location.hash ? location.hash : `${location.pathname}${location.search}`;
  if (url !== current) history.replaceState(history.state, '', url);
}, WRITE_DELAY_MS);

/** The shareable URL of the current experiment (writes any pending hash change first). */
export function shareUrl(): string {
  writer.flush();
  return location.href;
}

/** Reads the experiment from the URL and starts syncing; returns the cleanup. */
export function startUrlSync(): () => void {
  const initial = decodeConfigHash(location.hash);
  useStudio.setState({
    config: initial.config,
    variants: initial.variants,
    nameTyped: false,
    urlIssues: initial.issues,
    run: idleRun(initial.config.rounds),
  });
  if (initial.issues.length > 0) writer.schedule();

  const unsubscribe = useStudio.subscribe((state, prev) => {
    if (state.config !== prev.config || state.variants !== prev.variants) writer.schedule();
  });
  // replaceState never fires hashchange: this is the user pasting or editing a link in the address bar. A link that
  // cannot be read keeps the open experiment; one with bad fields opens with them reset, as on load. The banner names
  // what was wrong, and the address bar gets the link of what is shown.
  const onHashChange = () => {
    const { config: current, variants } = useStudio.getState();
    const decoded = decodeConfigHash(location.hash, current);
    useStudio.setState({ urlIssues: decoded.issues });
    writer.schedule();
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    if (same(decoded.config, current) && same(decoded.variants, variants)) return;
    replaceConfig(decoded.config, 'the experiment from the link', decoded.variants);
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
  };
}
