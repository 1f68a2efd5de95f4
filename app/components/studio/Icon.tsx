// Tiny inline icons (no icon font, no network): drawn with currentColor.
const PATHS = {
  play: 'M5 3.5v9l8-4.5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  step: 'M3 3.5v9l7-4.5zM11 3h2v10h-2z',
  reset: 'M8 3a5 5 0 1 1-4.6 3H1.8A6.5 6.5 0 1 0 3.5 3.4L2 2v4h4L4.6 4.6A5 5 0 0 1 8 3z',
  sun: 'M8 5a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM7.3 0h1.4v2.5H7.3zM7.3 13.5h1.4V16H7.3zM0 7.3h2.5v1.4H0zM13.5 7.3H16v1.4h-2.5zM2.1 3.1l1-1 1.8 1.8-1 1zM11.1 12.1l1-1 1.8 1.8-1 1zM2.1 12.9l1.8-1.8 1 1-1.8 1.8zM11.1 3.9l1.8-1.8 1 1-1.8 1.8z',
  moon: 'M10.5 1.5A6.5 6.5 0 1 0 14.5 11 5.5 5.5 0 0 1 10.5 1.5z',
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
