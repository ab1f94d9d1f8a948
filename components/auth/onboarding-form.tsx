"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldError, useActionResult } from "@/components/ui/use-action-result";
import { completeOnboardingAction } from "@/lib/actions/account/complete-onboarding";

export function OnboardingForm({ suggestion, name, next }: { suggestion: string; name: string; next: string }) {
  const [result, action, pending] = useActionState(completeOnboardingAction, null);
  useActionResult(result, "Welcome to Datashelf!");
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <TextField
        label="Username"
        name="username"
        defaultValue={suggestion}
        required
        autoFocus
        autoComplete="username"
        hint="Lowercase letters, digits, - and _. It appears in your workspace URLs."
        error={fieldError(result, "username")}
      />
      <TextField
        label="Your name (optional)"
        name="name"
        defaultValue={name}
        autoComplete="name"
        error={fieldError(result, "name")}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Setting up…" : "Continue"}
      </Button>
    </form>
  );
}
