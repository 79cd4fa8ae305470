// Module kinds that worker code imports through Vite (tsconfig.worker.json does not load
// astro/client, whose types bring the DOM in with them).

/** `import wasmUrl from '…/libheif.wasm?url'`: the URL of a file emitted by the build. */
declare module '*?url' {
  const url: string;
  export default url;
}
