// Decision boundaries of 2-D models: fetched from the coordinator after each round and when the selected client
// changes, at most every REFRESH_MS (a grid is resolution² predictions).
import { TWO_D_DATASETS } from '../../core/config/schema';
import { coordinator } from './coordinatorClient';
import { onRoundDone } from './runSession';
import { useStudio } from './store';
import { throttle } from './throttle';

export const BOUNDARY_RESOLUTION = 48;
const REFRESH_MS = 400;

let busy = false;
let again = false;

async function refresh(): Promise<void> {
  const { config, selectedClient, run, shownVariant } = useStudio.getState();
  if (run.status === 'idle' || !TWO_D_DATASETS.includes(config.data.dataset)) return;
  if (busy) {
    again = true;
    return;
  }
  busy = true;
  try {
    const remote = coordinator();
    const [global, client] = await Promise.all([
      remote.boundary(null, BOUNDARY_RESOLUTION, shownVariant),
      selectedClient === null ? Promise.resolve(null) : remote.boundary(selectedClient, BOUNDARY_RESOLUTION, shownVariant),
    ]);
    if (useStudio.getState().run.status === 'idle' || !global) return;
    useStudio.setState({
      boundary: {
        resolution: global.resolution,
        box: global.box,
        numClasses: global.numClasses,
        global: { grid: global.grid, points: global.points, labels: global.labels },
        client:
          client && selectedClient !== null
            ? { id: selectedClient, grid: client.grid, points: client.points, labels: client.labels }
            : null,
      },
    });
  } catch {
    // The run was reset or its pool replaced while the grid was computed: the next round refreshes it.
  } finally {
    busy = false;
    if (again) {
      again = false;
      refresher.schedule();
    }
  }
}

const refresher = throttle(() => void refresh(), REFRESH_MS);

export function startBoundaryFeed(): () => void {
  const offRound = onRoundDone(refresher.schedule);
  const offSelect = useStudio.subscribe((state, prev) => {
    if (state.selectedClient !== prev.selectedClient || state.shownVariant !== prev.shownVariant) refresher.schedule();
  });
  return () => {
    offRound();
    offSelect();
    refresher.cancel();
  };
}
