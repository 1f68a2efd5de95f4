// Server-side calls of the API (Next.js server components): the same procedures, validation and errors as HTTP.
import { getLibrary } from '../db/connection';
import { createCallerFactory, libraryContext } from './init';
import { appRouter } from './router';

const createCaller = createCallerFactory(appRouter);

export const serverCaller = () => createCaller(libraryContext(getLibrary));
