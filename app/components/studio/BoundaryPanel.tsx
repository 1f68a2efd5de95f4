'use client';
import { TWO_D_BOX } from '../../../core/data/points';
import { DecisionBoundary } from '../viz';
import { BOUNDARY_RESOLUTION } from '../../lib/boundaryFeed';
import { useStudio } from '../../lib/store';
import styles from './Stage.module.css';

const BOX = { xMin: -TWO_D_BOX, xMax: TWO_D_BOX, yMin: -TWO_D_BOX, yMax: TWO_D_BOX };

/** 2-D sets: the global model over all training points beside the selected client's own model on its own data. */
export function BoundaryPanel() {
  const boundary = useStudio((s) => s.boundary);
  const selected = useStudio((s) => s.selectedClient);
  const numClasses = useStudio((s) => s.partition.stats?.counts[0]?.length ?? 2);
  const common = {
    resolution: boundary?.resolution ?? BOUNDARY_RESOLUTION,
    box: boundary?.box ?? BOX,
    numClasses: boundary?.numClasses ?? numClasses,
    size: 300,
  };
  const client = boundary?.client && boundary.client.id === selected ? boundary.client : null;
  return (
    <section className={`${styles.card} ${styles.wide}`} aria-label="Decision boundaries">
      <div className={styles.boundaries}>
        <DecisionBoundary
          {...common}
          title="Global model · all training data"
          grid={boundary?.global?.grid}
          points={boundary?.global?.points}
          labels={boundary?.global?.labels}
        />
        <DecisionBoundary
          {...common}
          title={selected === null ? 'A client’s local model' : `Client ${selected} · its local model and data`}
          grid={client?.grid}
          points={client?.points}
          labels={client?.labels}
          emptyText={
            selected === null
              ? 'Select a client (grid or heatmap) to see the model it trained on its own data.'
              : 'Shown once this client has trained in a round.'
          }
        />
      </div>
    </section>
  );
}
