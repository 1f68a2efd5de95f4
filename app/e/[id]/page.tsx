import { redirect } from 'next/navigation';
import { serverCaller } from '../../../server/trpc/caller';
import { encodeConfigHash } from '../../lib/urlState';
import { orNotFound } from '../../library/_components/serverData';

export const dynamic = 'force-dynamic';

/** An experiment's permalink: opens the studio with its config loaded (through the studio's URL hash), ready to run. */
export default async function ExperimentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const experiment = await orNotFound(() => serverCaller().experiments.get({ id }));
  const hash = encodeConfigHash(experiment.config);
  redirect(hash ? `/#${hash}` : '/');
}
