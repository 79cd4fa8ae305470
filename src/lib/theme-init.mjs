/**
 * Runs in <head> before the page paints so a reader who chose a theme does not
 * see a flash of the other one. Its SHA-256 is added to the CSP in
 * astro.config.mjs (Astro does not hash is:inline scripts itself).
 */
export const THEME_INIT =
  "try{var t=localStorage.getItem('bya.theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}";
