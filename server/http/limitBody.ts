/**
 * A copy of `req` with its body read into memory, or null when the body is larger than `maxBytes` (checked by
 * Content-Length when given, and while reading, as a chunked body has none).
 */
export async function readLimitedBody(req: Request, maxBytes: number): Promise<Request | null> {
  if (req.body === null) return req;
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Request(req, { body: Buffer.concat(chunks) });
}
