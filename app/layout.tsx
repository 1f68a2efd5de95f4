import type { ReactNode } from 'react';

export const metadata = { title: 'FedStudio', description: 'Design, run and share federated-learning experiments in the browser.' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
