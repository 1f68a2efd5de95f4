import { handleTrpcRequest } from '../../../../server/http/handler';

// better-sqlite3 is a native module: Node runtime only, never edge.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const handler = (req: Request) => handleTrpcRequest(req);

export { handler as GET, handler as POST };
