/**
 * Same JSON? `exact` compares values (reads of the same rows must be identical); otherwise only the
 * shape is compared — keys, value types, array element shapes — for writes that create new ids.
 * Returns the first difference as a path, or null.
 */
export function firstDifference(a: unknown, b: unknown, exact: boolean, path = '$'): string | null {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    if (exact) return a === b ? null : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
    return (a === null) === (b === null) && typeof a === typeof b ? null : `${path}: ${typeOf(a)} ≠ ${typeOf(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (exact && a.length !== b.length) return `${path}: ${a.length} items ≠ ${b.length} items`;
    const n = exact ? a.length : Math.min(a.length, b.length, 1);
    for (let i = 0; i < n; i++) {
      const d = firstDifference(a[i], b[i], exact, `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.join() !== kb.join()) return `${path}: keys {${ka.join(',')}} ≠ {${kb.join(',')}}`;
  for (const k of ka) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], exact, `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

function typeOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}
