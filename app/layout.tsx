import type { ReactNode } from 'react';
import type { Metadata, Viewport } from 'next';
import { THEME_STORAGE_KEY } from './lib/theme';
import './globals.css';

export const metadata: Metadata = {
  title: 'FedStudio',
  description: 'Design, run and share federated-learning experiments in the browser.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

// Applies a stored theme choice before the first paint (no flash of the wrong theme).
const themeScript = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
