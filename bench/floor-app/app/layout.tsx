// The floor app (bench/http-floor.ts): the least a Next.js page or route can cost on this machine.
import type { ReactNode } from "react";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
