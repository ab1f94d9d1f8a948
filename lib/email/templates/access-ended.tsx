import { Text } from "@react-email/components";
import { EmailLayout } from "./layout";

export function AccessEndedEmail({ actor, what }: { actor: string; what: string }) {
  return (
    <EmailLayout preview={`Your access to ${what} ended`} heading={`Your access to ${what} ended`}>
      <Text>
        {actor} removed your access to {what}. If you think this is a mistake, ask them to share it again.
      </Text>
    </EmailLayout>
  );
}
