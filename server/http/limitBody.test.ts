import { describe, expect, it } from 'vitest';
import { readLimitedBody } from './limitBody';

/** A POST whose body arrives in chunks, without Content-Length (as a chunked upload does). */
function streamed(chunks: string[]): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      controller.close();
    },
  });
  return new Request('http://x/api', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('readLimitedBody', () => {
  it('passes a body within the limit through, readable again', async () => {
    const req = await readLimitedBody(streamed(['{"a":', '1}']), 7);
    expect(req?.headers.get('content-length')).toBeNull();
    expect(await req!.text()).toBe('{"a":1}');
  });

  it('refuses a streamed body once it passes the limit', async () => {
    expect(await readLimitedBody(streamed(['{"a":', '12}']), 7)).toBeNull();
  });

  it('refuses by Content-Length without reading, and leaves body-less requests alone', async () => {
    const declared = new Request('http://x/api', { method: 'POST', body: 'x'.repeat(10), headers: { 'content-length': '10' } });
    expect(await readLimitedBody(declared, 9)).toBeNull();
    expect(declared.bodyUsed).toBe(false);
    const get = new Request('http://x/api?input=1');
    expect(await readLimitedBody(get, 0)).toBe(get);
  });
});
