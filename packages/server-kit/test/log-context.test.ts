import { createLogger, currentRequest, requestIdOf, requestLogger, runInRequestScope } from '../src';

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (line: string) => lines.push(JSON.parse(line)) } };
}

describe('request log context', () => {
  it('adds the request id and operation name to every line written in a request, by any logger', () => {
    const { lines, stream } = capture();
    const log = createLogger('test', 'info', stream);
    const other = log.child({ component: 'other' });
    log.info('outside');
    const scope = { requestId: 'r-1', operationName: null as string | null };
    runInRequestScope(scope, () => {
      log.info('before the operation is known');
      scope.operationName = 'Me';
      other.info({ extra: 1 }, 'inside');
    });
    expect(lines[0]).not.toHaveProperty('requestId');
    expect(lines[1]).toMatchObject({ requestId: 'r-1', operationName: null });
    expect(lines[2]).toMatchObject({ requestId: 'r-1', operationName: 'Me', component: 'other', extra: 1 });
  });

  it('keeps the request id the handler chose, and binds it only outside a request scope', () => {
    const log = createLogger('test', 'silent');
    const req = { headers: { 'x-request-id': 'from-header' } };
    expect(requestIdOf(req)).toBe('from-header');
    runInRequestScope({ requestId: 'chosen', operationName: null }, () => {
      expect(requestIdOf(req)).toBe('chosen');
      expect(currentRequest()?.requestId).toBe('chosen');
      expect(requestLogger(log, 'chosen')).toBe(log);
    });
    expect(requestLogger(log, 'chosen')).not.toBe(log);
  });

  it('never writes secrets', () => {
    const { lines, stream } = capture();
    const log = createLogger('test', 'info', stream);
    runInRequestScope({ requestId: 'r-2', operationName: 'Login' }, () =>
      log.info(
        { variables: { input: { password: 'hunter2' } }, headers: { authorization: 'Bearer x' } },
        'l',
      ),
    );
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|Bearer/);
  });
});
