'use client';
import { useState } from 'react';
import { shareUrl } from '../../lib/urlSync';
import ui from './ui.module.css';

/** Copies the experiment's URL; if the clipboard is unavailable, shows the link to copy by hand. */
export function ShareButton() {
  const [status, setStatus] = useState<'idle' | 'copied' | 'manual'>('idle');
  const [url, setUrl] = useState('');
  const share = async () => {
    const link = shareUrl();
    setUrl(link);
    try {
      await navigator.clipboard.writeText(link);
      setStatus('copied');
      setTimeout(() => setStatus('idle'), 2000);
    } catch {
      setStatus('manual');
    }
  };
  return (
    <span className={ui.inline}>
      <button type="button" className={ui.button} onClick={() => void share()} data-testid="share">
        {status === 'copied' ? 'Link copied' : 'Share'}
      </button>
      {status === 'manual' && (
        <input
          className={ui.linkBox}
          readOnly
          value={url}
          aria-label="Link to this experiment"
          onFocus={(e) => e.currentTarget.select()}
          onBlur={() => setStatus('idle')}
          autoFocus
        />
      )}
      <span role="status" className="visually-hidden">
        {status === 'copied' ? 'Link to this experiment copied to the clipboard' : ''}
      </span>
    </span>
  );
}
