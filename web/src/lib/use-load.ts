import { useCallback, useEffect, useState } from 'react';
import { ApiProblem, toApiProblem } from '../api/problem';
import { useI18n } from '../i18n/use-i18n';

export interface Loaded<T> {
  data: T | undefined;
  problem: ApiProblem | undefined;
  loading: boolean;
  reload: () => void;
  /** Replace the data with what an action returned, without a round trip. */
  set: (data: T) => void;
}

interface Result<T> {
  key: string;
  data?: T;
  problem?: ApiProblem;
}

/**
 * Loads data for a screen; re-runs when `deps` (ids, filters: plain values) change, on reload(),
 * and when the language changes (the server translates notifications and problems), and ignores
 * answers to a superseded request. The previous data stays visible while reloading.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [tick, setTick] = useState(0);
  const { locale } = useI18n();
  const key = JSON.stringify([...deps, tick, locale]);
  const [result, setResult] = useState<Result<T>>({ key: '' });

  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setResult({ key, data }),
      (err: unknown) => current && setResult((prev) => ({ key, data: prev.data, problem: toApiProblem(err) })),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the caller's deps
  }, [key]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const set = useCallback((data: T) => setResult({ key, data }), [key]);
  return { data: result.data, problem: result.problem, loading: result.key !== key, reload, set };
}

/** Runs a user action (a form submit, a button), exposing its pending state and problem. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const run = async (...args: A): Promise<R | undefined> => {
    setPending(true);
    setProblem(undefined);
    try {
      return await action(...args);
    } catch (err) {
      setProblem(toApiProblem(err));
      return undefined;
    } finally {
      setPending(false);
    }
  };
  return { run, pending, problem, clear: () => setProblem(undefined) };
}
