/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  serverExternalPackages: ['better-sqlite3'],
  // The e2e tests build the app right after `npm run typecheck` checked the whole project: no need to check twice.
  typescript: { ignoreBuildErrors: process.env.FEDSTUDIO_TYPECHECKED === '1' },
};
export default nextConfig;
