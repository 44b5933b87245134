import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request values needed deep in services (audit events record the request id). */
export interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
};
