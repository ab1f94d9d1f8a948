import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";

export function EmailLayout({ preview, heading, children }: { preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{ backgroundColor: "#f6f7f9", fontFamily: "ui-sans-serif, system-ui, sans-serif", padding: "24px 0" }}
      >
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 8, padding: 32, maxWidth: 520 }}>
          <Text style={{ fontWeight: 700, fontSize: 16, color: "#4338ca", margin: 0 }}>Datashelf</Text>
          <Heading as="h1" style={{ fontSize: 20, color: "#111827" }}>
            {heading}
          </Heading>
          <Section>{children}</Section>
          <Hr style={{ borderColor: "#e5e7eb", margin: "24px 0" }} />
          <Text style={{ color: "#6b7280", fontSize: 12 }}>
            You received this e-mail because someone used this address on Datashelf. If that was not you, you can ignore
            it.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

const buttonStyle = {
  backgroundColor: "#4338ca",
  color: "#ffffff",
  padding: "10px 18px",
  borderRadius: 6,
  fontWeight: 600,
  textDecoration: "none",
} as const;

/** The e-mail's one call to action, with the raw link for mail clients that strip buttons. */
export function EmailButton({ url, label }: { url: string; label: string }) {
  return (
    <Button href={url} style={buttonStyle}>
      {label}
    </Button>
  );
}

export function PasteLink({ url }: { url: string }) {
  return (
    <Text style={{ fontSize: 12, color: "#6b7280" }}>
      Or paste this link into your browser: <Link href={url}>{url}</Link>
    </Text>
  );
}
