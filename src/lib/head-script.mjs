/**
 * The one inline script, run in <head> before anything else:
 * - apply the reader's chosen theme before the page paints (no flash of the other theme);
 * - set zod to jitless before any zod module runs: zod otherwise probes `new Function`
 *   when it builds an object schema, which our CSP refuses and logs as a violation.
 * Its SHA-256 is added to the CSP in astro.config.mjs (Astro does not hash is:inline scripts).
 */
export const HEAD_SCRIPT =
  "globalThis.__zod_globalConfig={jitless:true};try{var t=localStorage.getItem('bya.theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}";
