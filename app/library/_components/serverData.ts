// Server components read the library through the API's own procedures; a missing id becomes the 404 page.
import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';

export async function orNotFound<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

/** As orNotFound; when the database cannot be used, its message (file, problem, fix) to show instead of the page. */
export async function fromLibrary<T>(call: () => Promise<T>): Promise<{ data: T } | { unavailable: string }> {
  try {
    return { data: await orNotFound(call) };
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'SERVICE_UNAVAILABLE') return { unavailable: error.message };
    throw error;
  }
}
