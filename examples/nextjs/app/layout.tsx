import type { ReactNode } from 'react';

export const metadata = { title: 'authlite + Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <nav>
          <a href="/">Home</a> · <a href="/dashboard">Dashboard</a> · <a href="/reports">Reports</a> · <a href="/admin">Admin</a>
        </nav>
        <main>{children}</main>
      </body>
    </html>
  );
}
