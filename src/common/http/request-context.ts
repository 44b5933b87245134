import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request values needed deep in services (audit events record the request id). */
export interface RequestContext {
  requestId: string;
  /** The Idempotency-Key this request claimed (IdempotencyInterceptor), marked when a write commits. */
  idempotencyClaim?: { principal: string; key: string };
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
  idempotencyClaim(): RequestContext['idempotencyClaim'] {
    return storage.getStore()?.idempotencyClaim;
  },
  /** Records the request's claimed key; a no-op outside a request. */
  setIdempotencyClaim(claim: { principal: string; key: string }): void {
    const store = storage.getStore();
    if (store) store.idempotencyClaim = claim;
  },
};
