/** Filled at build time by integrations/vision-assets.mjs; parsed by assets.ts. */
declare module 'virtual:vision-assets' {
  const files: unknown;
  export default files;
}
