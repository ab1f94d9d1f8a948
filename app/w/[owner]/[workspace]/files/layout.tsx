import type { ReactNode } from "react";
import { UploadsProvider } from "@/components/files/use-uploads";

/** Uploads keep running while the user moves between folders. */
export default function FilesLayout({ children }: { children: ReactNode }) {
  return <UploadsProvider>{children}</UploadsProvider>;
}
