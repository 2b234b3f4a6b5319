import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * True when the page was reached with `state: { [flag]: true }`, e.g. right after creating a ticket.
 * The flag is then removed from the history entry, so that reloading the page does not show the message again.
 */
export function useFlash(flag: string): boolean {
  const location = useLocation();
  const navigate = useNavigate();
  const [shown] = useState(() => (location.state as Record<string, unknown> | null)?.[flag] === true);
  useEffect(() => {
    if (shown) void navigate(location.pathname, { replace: true, state: null });
  }, [shown, navigate, location.pathname]);
  return shown;
}
