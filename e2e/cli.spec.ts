import { expect, test } from "@playwright/test";
import { cli } from "./cli-helpers";
import { signInThroughMailbox } from "./helpers";
import { demoWorld } from "./world";

const { alice } = demoWorld("cli");

test("the CLI creates users and tokens while the server is running, and the user can sign in", async ({ page }) => {
  // Eight CLI processes in four rounds, each a few seconds of start-up alone: on a busy machine over a minute.
  test.setTimeout(150_000);
  const suffix = Date.now().toString(36);
  // Several CLI processes at once, while the browser uses the server: no "database is locked".
  const signIn = signInThroughMailbox(page, alice.email);
  const created = await Promise.all(
    [1, 2, 3].map((n) =>
      cli(
        "user",
        "create",
        "--email",
        `Cli${n}.${suffix}@Example.com`,
        "--username",
        `cli${n}-${suffix}`,
        "--name",
        `CLI ${n}`,
      ),
    ),
  );
  await signIn;
  for (const { stdout } of created) expect(stdout).toMatch(/Created user cli\d-/);

  const tokens = await Promise.all(
    [1, 2].map(() => cli("token", "create", "--username", `CLI1-${suffix}`, "--expires-days", "30")),
  );
  for (const { stdout } of tokens) expect(stdout.trim()).toMatch(/^dsk_[A-Za-z0-9_-]{43}$/);

  // Bad input: a clear message and a non-zero exit, nothing created.
  const duplicate = await cli(
    "user",
    "create",
    "--email",
    `cli1.${suffix}@example.com`,
    "--username",
    `other-${suffix}`,
  ).catch((e: { code: number; stderr: string }) => e);
  expect(duplicate).toMatchObject({ code: 2, stderr: expect.stringContaining("already exists") });
  const badEmail = await cli("user", "create", "--email", "nope", "--username", `x-${suffix}`).catch(
    (e: { code: number; stderr: string }) => e,
  );
  expect(badEmail).toMatchObject({ code: 2, stderr: expect.stringContaining("valid e-mail") });

  const { stdout: mail } = await cli("mail", "list", "--to", alice.email, "--json");
  expect(JSON.parse(mail)[0]).toMatchObject({ to: alice.email, subject: "Sign in to Datashelf" });

  await page.context().clearCookies();
  await signInThroughMailbox(page, `cli2.${suffix}@example.com`);
  await expect(page).toHaveURL(new RegExp(`/w/cli2-${suffix}/personal/catalog$`));
});
