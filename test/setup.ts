// Every test file gets local e-mail and fast retries unless it says otherwise.
process.env.EMAIL_RETRY_BASE_MS ??= "10";
process.env.NEXTAUTH_SECRET ??= "test-secret";
delete process.env.RESEND_API_KEY;
