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
