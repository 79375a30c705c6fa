/**
 * Reads a body as UTF-8 text, stopping at `limitBytes`: a declared `content-length` above the
 * cap is refused before reading, and a stream that passes it is cancelled at once.
 * @returns the text, or `undefined` when the body is larger than `limitBytes`.
 * @throws whatever reading the stream throws (a connection lost mid-body).
 */
export async function readCappedText(response: Response, limitBytes: number): Promise<string | undefined> {
  const body = response.body;
  if (Number(response.headers.get('content-length')) > limitBytes) {
    await body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}
