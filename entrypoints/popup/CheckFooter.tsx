import { useEffect, useState } from 'preact/hooks';
import { formatAgo, t } from '@/utils/core';
import { askForCheck } from './ask-check';

/** "Checked 40 seconds ago" (kept current) and the "Check now" button. */
export function CheckFooter({ checkedAt }: { checkedAt: number | null }) {
  const [now, setNow] = useState(Date.now());
  const [checking, setChecking] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, []);
  const checkNow = async () => {
    setChecking(true);
    setFailed(false);
    try {
      // The new snapshot arrives through storage; the answer only tells that it is done.
      await askForCheck();
    } catch {
      setFailed(true);
    } finally {
      setChecking(false);
      setNow(Date.now());
    }
  };
  return (
    <footer class="popup__footer">
      <span class="popup__checked">
        {failed
          ? t('popup_checkFailed')
          : checkedAt !== null
            ? t('popup_checked', formatAgo(checkedAt, now))
            : ''}
      </span>
      <button
        type="button"
        class="button"
        onClick={checkNow}
        disabled={checking}
        aria-busy={checking}
      >
        {checking ? t('popup_checking') : t('popup_checkNow')}
      </button>
    </footer>
  );
}
