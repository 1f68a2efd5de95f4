import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { describeIssues } from '../../core/config/schema';
import { LibraryError } from '../../shared/library/errors';
import { LibraryUnavailableError } from '../db/errors';
import type { Library } from '../library/library';

export interface Context {
  library: Library;
}

const MAX_ISSUE_LENGTH = 300;
/** A run with every accuracy in percent has thousands of bad fields: the first ones say what is wrong. */
const MAX_ISSUES = 10;

/** Input problems named as describeIssues does; "(got …)" helps for a value, not for a whole array of rounds. */
function inputError(error: z.ZodError, input: unknown): LibraryError {
  const plain = describeIssues(error);
  const issues = describeIssues(error, input)
    .slice(0, MAX_ISSUES)
    .map((issue, i) => (issue.message.length > MAX_ISSUE_LENGTH ? plain[i] : issue));
  const more = error.issues.length - issues.length;
  const message = issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ') + (more > 0 ? `; and ${more} more` : '');
  return new LibraryError('BAD_REQUEST', message, issues);
}

/** A call's context; a library database that cannot be opened is a 503 whose message names the problem and the fix. */
export function libraryContext(library: () => Library): Context {
  try {
    return { library: library() };
  } catch (error) {
    if (error instanceof LibraryUnavailableError) throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: error.message, cause: error });
    throw error;
  }
}

const t = initTRPC.context<Context>().create({
  // Clients get the field problems as data.issues: [{ path, message }] (null when the error is not about fields).
  errorFormatter: ({ shape, error }) => ({
    ...shape,
    data: { ...shape.data, issues: error.cause instanceof LibraryError ? (error.cause.issues ?? null) : null },
  }),
});

// LibraryErrors and invalid inputs become tRPC errors with a readable message and the right code, for HTTP clients
// and server-side callers alike.
const libraryErrors = t.middleware(async ({ next, getRawInput }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause instanceof z.ZodError ? inputError(result.error.cause, await getRawInput()) : result.error.cause;
  if (cause instanceof LibraryError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  return result;
});

export const router = t.router;
export const procedure = t.procedure.use(libraryErrors);
export const createCallerFactory = t.createCallerFactory;
