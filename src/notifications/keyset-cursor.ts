import { decodeCursor } from '../common/pagination/pagination';
import { ValidationProblem } from '../common/problem/problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A (createdAt, id) keyset cursor, checked before it reaches SQL: a forged cursor is a 400 naming
 * `cursor`, never a cast error from the database.
 */
export function decodeTimeCursor(cursor: string | undefined): { createdAt: string; id: string } | undefined {
  const after = decodeCursor<{ createdAt: string; id: string }>(cursor, ['createdAt', 'id']);
  if (after && (Number.isNaN(Date.parse(after.createdAt)) || !UUID.test(after.id))) {
    throw new ValidationProblem([{ field: 'cursor', message: 'cursor is not a cursor returned by this list' }]);
  }
  return after;
}
