import { api } from '../api/client';
import { Link } from '../lib/router';
import { useLoad } from '../lib/use-load';

/** Nudges a user who has not acknowledged the current compact: submitting, assessing and deciding need it. */
export function CompactReminder() {
  const current = useLoad(() => api.compact.compactCurrent(), []);
  const ack = current.data?.acknowledgement;
  if (!ack?.required) return null;
  return (
    <div className="notice" role="note">
      <p>
        <strong>Please read and acknowledge compact version {current.data?.version.number}.</strong> You need it to submit projects
        {ack.groups.includes('it') ? ', assess risk' : ''}
        {ack.groups.includes('manager') ? ' and decide' : ''}.
      </p>
      <Link to="/compact" className="button">
        Read the compact
      </Link>
    </div>
  );
}
