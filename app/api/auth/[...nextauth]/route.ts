// next-auth, behind the sign-in e-mail limits (lib/auth/auth-route.ts).
export { GET, POST } from "@/lib/auth/auth-route";
