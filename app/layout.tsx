import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Datashelf", template: "%s · Datashelf" },
  description: "A self-hostable data catalog and file store built around sharing.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so Next can put this request's CSP nonce (proxy.ts) on
  // its scripts; a page prerendered at build time would carry none and the browser would block it.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
